import ScienceIcon from '@mui/icons-material/Science';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  Grid,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import { problemOf } from '../api/http-client';
import { factErrors, factsFromForm, initialFactValues, type FactFormValues } from './fact-form';
import { FactInput } from './FactInput';
import type { Policy, PolicyVersion } from './policy-types';
import { TestOutcomeView } from './TestOutcomeView';
import { usePolicyTest, type TestOutcome } from './use-policy-test';
import { useDocumentLabels } from './use-document-labels';

type Mode = 'facts' | 'customer';

/**
 * What-if on a version: the policy's facts as a form (or a stored customer), the decision and the
 * json-rules-engine trace; optionally the same input under the version in force, side by side.
 * Nothing is stored. Mount it with `key` = the version so a new version starts from its own defaults.
 */
export function TestPanel({ policy, version }: { policy: Policy; version: PolicyVersion }) {
  const translate = useTranslate();
  const facts = version.document.facts ?? {};
  const labels = useDocumentLabels(version.document);
  const [mode, setMode] = useState<Mode>('facts');
  const [values, setValues] = useState<FactFormValues>(() => initialFactValues(facts));
  const [customerId, setCustomerId] = useState('');
  const inForce = policy.publishedVersion;
  const canCompare = inForce !== null && inForce !== version.version;
  const [compare, setCompare] = useState(true);
  const test = usePolicyTest(policy.id);

  const run = (event: FormEvent) => {
    event.preventDefault();
    const input = mode === 'facts' ? { facts: factsFromForm(facts, values) } : { customerId: customerId.trim() };
    test.mutate({ version: version.version, inForce: canCompare && compare ? inForce : null, input });
  };

  const subject = test.data?.subject;
  const fieldErrors = subject && !subject.ok ? factErrors(problemOf(subject.error)?.errors ?? []) : {};
  const subjectTitle = translate(version.status === 'draft' ? 'tierwise.policies.test.thisDraft' : 'tierwise.policies.test.thisVersion', {
    version: version.version,
  });

  return (
    <Card component="section" aria-label={translate('tierwise.policies.test.title')} sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate('tierwise.policies.test.title')}
        </Typography>
        {version.lint.errors > 0 && (
          <Alert severity="info" sx={{ my: 1 }}>
            {translate('tierwise.policies.test.lintErrorsBlock')}
          </Alert>
        )}
        <Box component="form" onSubmit={run} noValidate sx={{ mt: 1 }}>
          <ToggleButtonGroup
            exclusive
            size="small"
            value={mode}
            onChange={(_, next: Mode | null) => next && setMode(next)}
            aria-label={translate('tierwise.policies.test.inputKind')}
          >
            <ToggleButton value="facts">{translate('tierwise.policies.test.byFacts')}</ToggleButton>
            <ToggleButton value="customer">{translate('tierwise.policies.test.byCustomer')}</ToggleButton>
          </ToggleButtonGroup>

          {mode === 'facts' ? (
            <Grid container spacing={2} sx={{ mt: 1 }}>
              {Object.entries(facts).map(([name, fact]) => (
                <Grid key={name} size={{ xs: 12, sm: 6, md: 4, lg: 3 }}>
                  <FactInput
                    name={name}
                    fact={fact}
                    value={values[name] ?? ''}
                    error={fieldErrors[name]}
                    labels={labels}
                    onChange={(value) => setValues((current) => ({ ...current, [name]: value }))}
                  />
                </Grid>
              ))}
            </Grid>
          ) : (
            <TextField
              fullWidth={false}
              sx={{ mt: 2, minWidth: 320 }}
              size="small"
              label={translate('tierwise.policies.test.customerId')}
              value={customerId}
              required
              onChange={(event) => setCustomerId(event.target.value)}
            />
          )}

          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 2 }}>
            <Button
              type="submit"
              variant="contained"
              startIcon={<ScienceIcon />}
              disabled={test.isPending || (mode === 'customer' && customerId.trim() === '')}
            >
              {translate('tierwise.policies.actions.test')}
            </Button>
            {canCompare && (
              <FormControlLabel
                control={<Checkbox checked={compare} onChange={(event) => setCompare(event.target.checked)} />}
                label={translate('tierwise.policies.test.compareInForce', { version: inForce })}
              />
            )}
          </Box>
        </Box>

        {test.data && (
          <Box sx={{ mt: 3 }}>
            {test.data.inForce && (
              <ComparisonHeadline inForce={test.data.inForce} subject={test.data.subject} subjectTitle={subjectTitle} />
            )}
            <Grid container spacing={3}>
              {test.data.inForce && (
                <Grid size={{ xs: 12, lg: 6 }}>
                  <TestOutcomeView
                    policyId={policy.id}
                    outcome={test.data.inForce}
                    title={translate('tierwise.policies.test.inForce', { version: test.data.inForce.version })}
                  />
                </Grid>
              )}
              <Grid size={{ xs: 12, lg: test.data.inForce ? 6 : 12 }}>
                <TestOutcomeView policyId={policy.id} outcome={test.data.subject} title={subjectTitle} document={version.document} />
              </Grid>
            </Grid>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}

/** "In force v1: Tier A → This draft v3: Tier B": the comparison an author runs a test for. */
function ComparisonHeadline({ inForce, subject, subjectTitle }: { inForce: TestOutcome; subject: TestOutcome; subjectTitle: string }) {
  const translate = useTranslate();
  const tierOf = (outcome: TestOutcome) =>
    !outcome.ok
      ? translate('tierwise.policies.test.failedShort')
      : outcome.result.decision.tier === null
        ? translate('tierwise.policies.test.noTier')
        : translate('tierwise.policies.test.tier', { tier: outcome.result.decision.tier });
  const changed = inForce.ok && subject.ok && inForce.result.decision.tier !== subject.result.decision.tier;
  return (
    <Alert severity={changed ? 'warning' : 'info'} sx={{ mb: 2 }}>
      {translate('tierwise.policies.test.inForce', { version: inForce.version })}: {tierOf(inForce)} → {subjectTitle}: {tierOf(subject)}
    </Alert>
  );
}
