import { Box, Divider, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { GradingRun } from './grading-run';
import { OutcomeSection } from './OutcomeSection';
import { PopulationSummary } from './PopulationSummary';
import { RunError } from './RunError';
import { RunFacts } from './RunFacts';
import { RunFailuresTable } from './RunFailuresTable';
import { RunOutcome } from './RunOutcome';
import { RunProgress } from './RunProgress';
import { isRunFinished } from './run-progress';
import { useRefreshAfterGrading } from './use-refresh-after-grading';
import { useTierOrder } from './use-tier-order';

/** The body of a run's page: its record, progress, outcome, population facts and failures. */
export function GradingRunDetails() {
  const translate = useTranslate();
  const run = useRecordContext<GradingRun>();
  const tierOrder = useTierOrder(run?.policy.id);
  useRefreshAfterGrading(run);
  if (!run) return null;
  const t = (key: string) => translate(`tierwise.gradingRuns.${key}`);
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h5" component="h1">
        {translate('tierwise.gradingRuns.show.title', { id: run.id })}
      </Typography>
      <RunFacts run={run} />
      {!isRunFinished(run.status) && <RunProgress run={run} />}
      <RunError run={run} />
      <Divider sx={{ my: 2 }} />
      <RunOutcome run={run} tierOrder={tierOrder} />
      {run.population && Object.keys(run.population).length > 0 && (
        <>
          <Divider sx={{ my: 2 }} />
          <OutcomeSection title={t('population.title')}>
            <PopulationSummary population={run.population} />
          </OutcomeSection>
        </>
      )}
      <Divider sx={{ my: 2 }} />
      <OutcomeSection title={t('failures.title')}>
        <RunFailuresTable run={run} />
      </OutcomeSection>
    </Box>
  );
}
