import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import { PolicyVersionLink } from '../tier-history/PolicyVersionLink';
import { WhenField } from '../tier-history/WhenField';
import { ActorField } from '../users/ActorField';
import type { GradingRun } from './grading-run';
import { RunFact as Fact } from './RunFact';
import { RunStatusChip } from './RunStatusChip';

/** A run's record: what, why, under which version, by whom, when, and its counts. */
export function RunFacts({ run }: { run: GradingRun }) {
  const translate = useTranslate();
  const t = (key: string, options?: object) => translate(`tierwise.gradingRuns.${key}`, options);
  const filter = [
    ...(run.filter?.tiers ? [t('filter.tiers', { tiers: run.filter.tiers.join(', ') })] : []),
    ...(run.filter?.ids ? [t('filter.ids', { smart_count: run.filter.ids.length })] : []),
  ];
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 2, my: 2 }}>
      <Fact label={t('fields.status')}>
        <RunStatusChip status={run.status} />
      </Fact>
      <Fact label={t('fields.kind')}>{t(`kind.${run.kind}`)}</Fact>
      <Fact label={t('fields.cause')}>{t(`cause.${run.cause}`)}</Fact>
      <Fact label={t('fields.policyVersion')}>
        <PolicyVersionLink policyId={run.policy.id} version={run.policy.version} />
      </Fact>
      <Fact label={t('fields.filter')}>{filter.length > 0 ? filter.join('; ') : t('filter.everyone')}</Fact>
      <Fact label={t('fields.progress')}>{t('progressValue', { evaluated: run.evaluated, total: run.total ?? '?' })}</Fact>
      <Fact label={t('fields.changed')}>{run.changed}</Fact>
      <Fact label={t('fields.failed')}>{run.failed}</Fact>
      {run.kind === 'grade' && <Fact label={t('fields.decisionsWritten')}>{run.decisionsWritten}</Fact>}
      <Fact label={t('fields.startedBy')}>
        <ActorField actor={run.startedBy} />
      </Fact>
      <Fact label={t('fields.startedAt')}>
        <WhenField at={run.startedAt} />
      </Fact>
      <Fact label={t('fields.finishedAt')}>{run.finishedAt ? <WhenField at={run.finishedAt} /> : '—'}</Fact>
    </Box>
  );
}
