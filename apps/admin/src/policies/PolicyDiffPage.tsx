import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { Alert, Box, Breadcrumbs, Button, Card, CardContent, CircularProgress, List, ListItem, Stack, Typography } from '@mui/material';
import { Loading, Title, useTranslate } from 'react-admin';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { SideBySideDiff } from './SideBySideDiff';
import { versionPagePath } from './use-draft-actions';
import { useLocalizedLabel } from '../policy-labels';
import { usePolicyDiff } from './use-policy-diff';
import type { Policy } from './policy-types';
import { usePolicy, usePolicyVersion, usePolicyVersions } from './use-policy-queries';
import { VersionPicker } from './VersionPicker';

const MAX_VERSIONS = 200;

/** Any two versions of a policy (`?from=&to=` in the URL): the api's plain summary, then both documents side by side. */
export function PolicyDiffPage() {
  const policyId = useParams()['policyId'] ?? '';
  const [search, setSearch] = useSearchParams();
  const translate = useTranslate();
  const localized = useLocalizedLabel();
  const policy = usePolicy(policyId);
  // Without ?from=&to=: the version in force against the newest one.
  const from = versionParam(search.get('from')) ?? defaultFrom(policy.data);
  const to = versionParam(search.get('to')) ?? policy.data?.latestVersion ?? undefined;
  const versions = usePolicyVersions(policyId, 1, MAX_VERSIONS);
  const diff = usePolicyDiff(policyId, from, to);
  const before = usePolicyVersion(policyId, from);
  const after = usePolicyVersion(policyId, to);

  const pick = (next: { from?: number; to?: number }) => {
    const chosen = { from, to, ...next };
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(chosen)) if (value !== undefined) query.set(key, String(value));
    setSearch(query, { replace: true });
  };
  const swap = () => setSearch(new URLSearchParams({ from: String(to), to: String(from) }), { replace: true });

  if (policy.error) return <Alert severity="error">{policy.error.message}</Alert>;
  if (policy.isPending || versions.isPending) return <Loading />;
  const name = localized(policy.data.name, policy.data.id);
  const title = translate('tierwise.policies.diff.title', { policy: name });
  const both = from !== undefined && to !== undefined;

  return (
    <Box sx={{ mt: 1 }}>
      <Title title={title} />
      <Breadcrumbs sx={{ mb: 1 }}>
        <Link to="/policies">{translate('tierwise.policies.list.title')}</Link>
        <Link to={`/policies/${encodeURIComponent(policyId)}/show`}>{name}</Link>
        <Typography color="text.primary">{translate('tierwise.policies.diff.crumb')}</Typography>
      </Breadcrumbs>
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {title}
          </Typography>
          <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
            <VersionPicker
              label={translate('tierwise.policies.diff.from')}
              versions={versions.data ?? []}
              value={from}
              onChange={(version) => pick({ from: version })}
            />
            <Button startIcon={<SwapHorizIcon />} onClick={swap} disabled={!both}>
              {translate('tierwise.policies.diff.swap')}
            </Button>
            <VersionPicker
              label={translate('tierwise.policies.diff.to')}
              versions={versions.data ?? []}
              value={to}
              onChange={(version) => pick({ to: version })}
            />
          </Stack>
          {versions.error && <Alert severity="error">{versions.error.message}</Alert>}
        </CardContent>
      </Card>

      {!both || from === to ? (
        <Alert severity="info" sx={{ mt: 2 }}>
          {translate('tierwise.policies.diff.pickTwo')}
        </Alert>
      ) : (
        <>
          <Card component="section" aria-label={translate('tierwise.policies.diff.summary')} sx={{ mt: 2 }}>
            <CardContent>
              <Typography variant="h6" component="h2">
                {translate('tierwise.policies.diff.summary')}
              </Typography>
              {diff.isPending ? (
                <CircularProgress size={24} />
              ) : diff.error ? (
                <Alert severity="error">{diff.error.message}</Alert>
              ) : diff.data.summary.length === 0 ? (
                <Typography>{translate('tierwise.policies.diff.noChanges')}</Typography>
              ) : (
                <List dense>
                  {diff.data.summary.map((line, index) => (
                    <ListItem key={index} disableGutters>
                      {line}
                    </ListItem>
                  ))}
                </List>
              )}
            </CardContent>
          </Card>
          <Card sx={{ mt: 2 }}>
            <CardContent>
              {before.isPending || after.isPending ? (
                <CircularProgress size={24} />
              ) : before.error || after.error ? (
                <Alert severity="error">{(before.error ?? after.error)?.message}</Alert>
              ) : (
                <SideBySideDiff
                  before={before.data.document}
                  after={after.data.document}
                  beforeTitle={translate('tierwise.policies.diff.side', {
                    version: from,
                    status: translate(`tierwise.policies.status.${before.data.status}`),
                  })}
                  afterTitle={translate('tierwise.policies.diff.side', {
                    version: to,
                    status: translate(`tierwise.policies.status.${after.data.status}`),
                  })}
                />
              )}
              <Stack direction="row" spacing={2} sx={{ mt: 1 }}>
                <Link to={versionPagePath(policyId, from)}>{translate('tierwise.policies.actions.openVersion', { version: from })}</Link>
                <Link to={versionPagePath(policyId, to)}>{translate('tierwise.policies.actions.openVersion', { version: to })}</Link>
              </Stack>
            </CardContent>
          </Card>
        </>
      )}
    </Box>
  );
}

function versionParam(raw: string | null): number | undefined {
  const value = raw === null || !/^\d{1,9}$/.test(raw) ? NaN : Number(raw);
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

function defaultFrom(policy: Policy | undefined): number | undefined {
  if (!policy?.latestVersion) return undefined;
  if (policy.publishedVersion !== null && policy.publishedVersion !== policy.latestVersion) return policy.publishedVersion;
  return policy.latestVersion > 1 ? policy.latestVersion - 1 : undefined;
}
