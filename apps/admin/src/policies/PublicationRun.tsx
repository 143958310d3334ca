import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import {
  gradingRunShowPath,
  isRunFinished,
  RunError,
  RunOutcome,
  RunProgress,
  TierMovesText,
  useGradingRun,
  useRefreshAfterGrading,
  useTierOrder,
} from '../grading-runs';

/**
 * The re-grade a publication or rollback started, followed until it has finished: its progress, then
 * how many customers were re-graded and changed tier, the failures, the counts per tier and the grid.
 */
export function PublicationRun({ policyId, runId }: { policyId: string; runId: number }) {
  const translate = useTranslate();
  const t = (key: string, options?: object) => translate(`tierwise.policies.publication.${key}`, options);
  const tierOrder = useTierOrder(policyId);
  const { data: run, error } = useGradingRun(runId);
  useRefreshAfterGrading(run);
  const runLink = <Link to={gradingRunShowPath(runId)}>{translate('tierwise.gradingRuns.openRun', { id: runId })}</Link>;
  if (error) return <Alert severity="warning">{error.message}</Alert>;
  if (!run) return <LinearProgress aria-label={t('following')} sx={{ maxWidth: 480, my: 1 }} />;
  if (!isRunFinished(run.status))
    return (
      <Box>
        <Typography>{t('following')}</Typography>
        <RunProgress run={run} />
        {runLink}
      </Box>
    );
  return (
    <Box>
      <RunError run={run} />
      <Typography>{t('regraded', { customers: run.evaluated, changes: run.changed })}</Typography>
      <TierMovesText run={run} tierOrder={tierOrder} />
      {run.failed > 0 && <Typography>{t('failures', { smart_count: run.failed })}</Typography>}
      <Box sx={{ mb: 1 }}>{runLink}</Box>
      <RunOutcome run={run} tierOrder={tierOrder} />
    </Box>
  );
}
