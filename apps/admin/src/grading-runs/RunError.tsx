import { Alert } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import type { GradingRun } from './grading-run';
import { gradingRunShowPath } from './grading-run-paths';

/** Why a run ended without finishing: its error, and the newer run that took over, if one did. */
export function RunError({ run }: { run: GradingRun }) {
  const translate = useTranslate();
  if (run.status !== 'failed') return null;
  return (
    <Alert severity="warning" sx={{ my: 1 }}>
      {run.error ?? translate('tierwise.gradingRuns.failedWithoutReason')}
      {run.supersededBy !== null && (
        <>
          {' '}
          <Link to={gradingRunShowPath(run.supersededBy)}>{translate('tierwise.gradingRuns.openRun', { id: run.supersededBy })}</Link>
        </>
      )}
    </Alert>
  );
}
