import { Show } from 'react-admin';
import type { GradingRun } from './grading-run';
import { GradingRunDetails } from './GradingRunDetails';
import { GradingRunTitle } from './GradingRunTitle';
import { pollInterval } from './run-progress';

/** A run's page (GET /grading-runs/{id}), read again every half second until the run has finished. */
export function GradingRunShow() {
  return (
    <Show<GradingRun>
      title={<GradingRunTitle />}
      actions={false}
      queryOptions={{ refetchInterval: (query) => pollInterval(query.state.data) }}
    >
      <GradingRunDetails />
    </Show>
  );
}
