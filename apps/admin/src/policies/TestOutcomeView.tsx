import { Alert, Box, List, ListItem, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { problemOf } from '../api/http-client';
import { DecisionView } from './DecisionView';
import type { PolicyDocument } from './policy-types';
import { TraceView } from './TraceView';
import type { TestOutcome } from './use-policy-test';
import { useDocumentLabels } from './use-document-labels';
import { usePolicyVersion } from './use-policy-queries';

/**
 * One side of a test: the decision and its trace under one version, or why it could not run.
 * Labels come from that version's own document (read here when the caller does not have it).
 */
export function TestOutcomeView({
  policyId,
  outcome,
  title,
  document,
}: {
  policyId: string;
  outcome: TestOutcome;
  title: string;
  document?: Partial<PolicyDocument>;
}) {
  const translate = useTranslate();
  const fetched = usePolicyVersion(policyId, document ? undefined : outcome.version);
  const source = document ?? fetched.data?.document;
  const labels = useDocumentLabels(source);
  return (
    <Box component="section" aria-label={title}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 'bold' }}>
        {title}
      </Typography>
      {outcome.ok ? (
        <>
          <DecisionView decision={outcome.result.decision} warnings={outcome.result.warnings} labels={labels} />
          <Typography variant="subtitle2" component="h4" sx={{ mt: 2, mb: 1 }}>
            {translate('tierwise.policies.trace.title')}
          </Typography>
          <TraceView trace={outcome.result.trace} document={source} />
        </>
      ) : (
        <TestFailure error={outcome.error} />
      )}
    </Box>
  );
}

function TestFailure({ error }: { error: unknown }) {
  const problem = problemOf(error);
  const message = problem?.detail ?? (error instanceof Error ? error.message : String(error));
  const errors = (problem?.errors ?? []) as { path?: string; message?: string }[];
  return (
    <Alert severity="error">
      {message}
      {errors.length > 0 && (
        <List dense disablePadding>
          {errors.map((entry, index) => (
            <ListItem key={index} disableGutters sx={{ display: 'block' }}>
              <code>{entry.path}</code>&nbsp;{entry.message}
            </ListItem>
          ))}
        </List>
      )}
    </Alert>
  );
}
