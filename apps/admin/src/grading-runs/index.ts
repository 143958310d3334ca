import SyncIcon from '@mui/icons-material/Sync';
import type { GradingRun } from './grading-run';
import { GradingRunList } from './GradingRunList';
import { GradingRunShow } from './GradingRunShow';

// Re-grades (after a publication, a rollback, the schedule or by hand) and simulations, followed as they run.
export default {
  list: GradingRunList,
  show: GradingRunShow,
  icon: SyncIcon,
  recordRepresentation: (run: GradingRun) => `#${run.id}`,
  options: { label: 'tierwise.gradingRuns.menu' },
};
// The policies pages show a run's outcome with a publication and beside a draft's simulation.
export { RunOutcome } from './RunOutcome';
export { RunProgress } from './RunProgress';
export { RunError } from './RunError';
export { TierMovesText } from './TierMovesText';
export { useGradingRun } from './use-grading-run';
export { useRefreshAfterGrading } from './use-refresh-after-grading';
export { useTierOrder } from './use-tier-order';
export { gradingRunShowPath } from './grading-run-paths';
export { isRunFinished, pollInterval } from './run-progress';
export { fetchLatestSimulation, simulateVersion } from './grading-runs-api';
export type { GradingRun } from './grading-run';
