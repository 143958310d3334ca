import { Alert, AlertTitle, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { PolicyUpdateResult } from './policy-types';
import { PublicationRun } from './PublicationRun';

/** The policy grades the customers now; the run re-grading everyone is followed as a publication's is. */
export function GradingSwitchResult({ result, onClose }: { result: PolicyUpdateResult; onClose: () => void }) {
  const translate = useTranslate();
  return (
    <Alert severity="success" onClose={onClose} sx={{ my: 2, '& .MuiAlert-message': { flex: 1 } }} role="status">
      <AlertTitle>
        {translate('tierwise.policies.grading.switched', { policy: result.id, version: result.publishedVersion ?? '' })}
      </AlertTitle>
      {result.gradingRun === null ? (
        <Typography>{translate('tierwise.policies.publication.noRun')}</Typography>
      ) : (
        <PublicationRun policyId={result.id} runId={result.gradingRun.id} />
      )}
    </Alert>
  );
}
