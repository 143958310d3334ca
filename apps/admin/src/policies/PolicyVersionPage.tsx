import { Alert, Box, Breadcrumbs, Card, CardContent, Typography } from '@mui/material';
import { useState } from 'react';
import { Loading, Title, useTranslate } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { canReadGradingRuns, canTestPolicies } from '../auth/capabilities';
import { useRole } from '../auth/use-role';
import { LintFindingsTable } from './LintFindingsTable';
import { PublicationResult, type Publication } from './PublicationResult';
import { SimulationPanel } from './SimulationPanel';
import { TestPanel } from './TestPanel';
import { useLocalizedLabel } from '../policy-labels';
import { usePolicy, usePolicyVersion } from './use-policy-queries';
import { VersionActions } from './VersionActions';
import { VersionSummary } from './VersionSummary';
import { isDraft } from './version-rules';

/**
 * One version of a policy (route /policies/:policyId/versions/:version): its record, lint, the impact
 * simulation of a draft, the test panel and the publication with its re-grade.
 */
export function PolicyVersionPage() {
  const params = useParams();
  const policyId = params['policyId'] ?? '';
  const number = Number(params['version']);
  const translate = useTranslate();
  const localized = useLocalizedLabel();
  const role = useRole();
  const policy = usePolicy(policyId);
  const version = usePolicyVersion(policyId, Number.isSafeInteger(number) && number > 0 ? number : undefined);
  const [publication, setPublication] = useState<Publication | null>(null);

  if (!Number.isSafeInteger(number) || number <= 0) return <Alert severity="error">{translate('tierwise.policies.notAVersion')}</Alert>;
  if (policy.error) return <Alert severity="error">{policy.error.message}</Alert>;
  if (version.error) return <Alert severity="error">{version.error.message}</Alert>;
  if (policy.isPending || version.isPending) return <Loading />;

  const name = localized(policy.data.name, policy.data.id);
  return (
    <Box sx={{ mt: 1 }}>
      <Title title={translate('tierwise.policies.versionPage.title', { policy: name, version: number })} />
      <Breadcrumbs sx={{ mb: 1 }}>
        <Link to="/policies">{translate('tierwise.policies.list.title')}</Link>
        <Link to={`/policies/${encodeURIComponent(policyId)}/show`}>{name}</Link>
        <Typography color="text.primary">v{number}</Typography>
      </Breadcrumbs>
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1">
            {translate('tierwise.policies.versionPage.title', { policy: name, version: number })}
          </Typography>
          <VersionSummary version={version.data} />
          <VersionActions policy={policy.data} version={version.data} onPublished={setPublication} />
        </CardContent>
      </Card>
      {publication && <PublicationResult publication={publication} onClose={() => setPublication(null)} />}
      <LintFindingsTable findings={version.data.lintFindings} />
      {isDraft(version.data) && canReadGradingRuns(role) && <SimulationPanel version={version.data} />}
      {canTestPolicies(role) && <TestPanel key={`${policyId}@${number}`} policy={policy.data} version={version.data} />}
    </Box>
  );
}
