import { DataTable, List, TopToolbar, useTranslate } from 'react-admin';
import { PolicyVersionLink } from '../tier-history/PolicyVersionLink';
import { WhenField } from '../tier-history/WhenField';
import { ActorField } from '../users/ActorField';
import type { GradingRun } from './grading-run';
import { gradingRunFilters } from './grading-run-filters';
import { isRunFinished, POLL_MS } from './run-progress';
import { RunStatusChip } from './RunStatusChip';
import { StartRunButton } from './StartRunButton';

const Col = DataTable.Col<GradingRun>;

function GradingRunListActions() {
  return (
    <TopToolbar>
      <StartRunButton />
    </TopToolbar>
  );
}

// While a run on the page is unfinished its counts move: read the page again until all have finished.
const pollWhileAnyRuns = (data: { data: GradingRun[] } | undefined) =>
  data?.data.some((run) => !isRunFinished(run.status)) ? POLL_MS * 2 : false;

/** Re-grades and simulations, newest first; the api sorts by startedAt or id only. */
export function GradingRunList() {
  const translate = useTranslate();
  const t = (key: string, options?: object) => translate(`tierwise.gradingRuns.${key}`, options);
  return (
    <List
      filters={gradingRunFilters}
      sort={{ field: 'startedAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
      actions={<GradingRunListActions />}
      title="tierwise.gradingRuns.title"
      queryOptions={{ refetchInterval: (query) => pollWhileAnyRuns(query.state.data) }}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.NumberCol source="id" label="tierwise.gradingRuns.fields.id" />
        <Col source="kind" label="tierwise.gradingRuns.fields.kind" disableSort render={(run) => t(`kind.${run.kind}`)} />
        <Col source="cause" label="tierwise.gradingRuns.fields.cause" disableSort render={(run) => t(`cause.${run.cause}`)} />
        <Col
          source="status"
          label="tierwise.gradingRuns.fields.status"
          disableSort
          render={(run) => <RunStatusChip status={run.status} />}
        />
        <Col
          source="policy.version"
          label="tierwise.gradingRuns.fields.policyVersion"
          disableSort
          render={(run) => <PolicyVersionLink policyId={run.policy.id} version={run.policy.version} />}
        />
        <Col
          source="evaluated"
          label="tierwise.gradingRuns.fields.progress"
          disableSort
          render={(run) => t('progressValue', { evaluated: run.evaluated, total: run.total ?? '?' })}
        />
        <DataTable.NumberCol source="changed" label="tierwise.gradingRuns.fields.changed" disableSort />
        <DataTable.NumberCol source="failed" label="tierwise.gradingRuns.fields.failed" disableSort />
        <Col
          source="startedBy"
          label="tierwise.gradingRuns.fields.startedBy"
          disableSort
          render={(run) => <ActorField actor={run.startedBy} />}
        />
        <Col source="startedAt" label="tierwise.gradingRuns.fields.startedAt" render={(run) => <WhenField at={run.startedAt} />} />
        <Col
          source="finishedAt"
          label="tierwise.gradingRuns.fields.finishedAt"
          disableSort
          render={(run) => (run.finishedAt ? <WhenField at={run.finishedAt} /> : '—')}
        />
      </DataTable>
    </List>
  );
}
