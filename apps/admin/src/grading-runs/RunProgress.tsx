import { Box, LinearProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { GradingRun } from './grading-run';
import { progressPercent } from './run-progress';

/** How far a run has come: a bar and "120 of 500 customers graded" (before it is planned, just that it waits). */
export function RunProgress({ run }: { run: GradingRun }) {
  const translate = useTranslate();
  const percent = progressPercent(run);
  const text =
    run.total === null
      ? translate(`tierwise.gradingRuns.progress.${run.status === 'queued' ? 'queued' : 'planning'}`)
      : translate('tierwise.gradingRuns.progress.graded', { done: run.evaluated + run.failed, total: run.total });
  return (
    <Box sx={{ my: 1 }}>
      <Typography variant="body2">{text}</Typography>
      <LinearProgress
        variant={percent === null ? 'indeterminate' : 'determinate'}
        value={percent ?? undefined}
        aria-label={text}
        sx={{ mt: 0.5, maxWidth: 480 }}
      />
    </Box>
  );
}
