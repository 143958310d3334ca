import type { GradingRun, RunStatus } from './grading-run';

/** How often a run still in progress is read again. */
export const POLL_MS = 500;

export const isRunFinished = (status: RunStatus) => status === 'succeeded' || status === 'failed';

/**
 * react-query's refetchInterval for a run: poll while it is queued or running, stop once it has
 * finished. No run yet (first load, or the load failed): no polling, react-query's own fetch decides.
 */
export function pollInterval(run: Pick<GradingRun, 'status'> | null | undefined): number | false {
  return run && !isRunFinished(run.status) ? POLL_MS : false;
}

/** Done as a percentage (0 to 100), or null while the run is not planned yet (no total to compare with). */
export function progressPercent(run: Pick<GradingRun, 'total' | 'evaluated' | 'failed' | 'status'>): number | null {
  if (run.status === 'succeeded') return 100;
  if (run.total === null) return null;
  if (run.total === 0) return 100;
  return Math.min(100, Math.round(((run.evaluated + run.failed) / run.total) * 100));
}
