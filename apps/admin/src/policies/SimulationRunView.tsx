import { Alert, Box, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { gradingRunShowPath, isRunFinished, RunError, RunOutcome, RunProgress, type GradingRun } from '../grading-runs';
import { WhenField } from '../tier-history/WhenField';
import { ActorField } from '../users/ActorField';
import type { PolicyVersion } from './policy-types';
import { isSimulationStale } from './simulation-freshness';

/** One simulation of a version: who ran it and when, its progress, then what the version would change and cost. */
export function SimulationRunView({ run, version }: { run: GradingRun; version: PolicyVersion }) {
  const translate = useTranslate();
  const t = (key: string, options?: object) => translate(`tierwise.policies.simulation.${key}`, options);
  const tierOrder = version.document.grading?.tiers?.map((tier) => tier.id) ?? [];
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="body2" color="text.secondary" component="div">
        <Link to={gradingRunShowPath(run.id)}>{t('run', { id: run.id })}</Link> · <ActorField actor={run.startedBy} /> ·{' '}
        <WhenField at={run.startedAt} />
      </Typography>
      {isSimulationStale(run, version) && (
        <Alert severity="info" sx={{ my: 1 }}>
          {t('stale')}
        </Alert>
      )}
      {!isRunFinished(run.status) && <RunProgress run={run} />}
      <RunError run={run} />
      {run.status === 'succeeded' && (
        <>
          <Typography sx={{ mt: 1 }}>{t('summary', { customers: run.evaluated, changes: run.changed })}</Typography>
          {run.failed > 0 && <Typography>{t('failures', { smart_count: run.failed })}</Typography>}
          <RunOutcome run={run} tierOrder={tierOrder} />
        </>
      )}
    </Box>
  );
}
