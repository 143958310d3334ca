/**
 * How quickly lost work is noticed. Production keeps Bull's defaults; tests that
 * kill a worker shorten them so a run resumes in seconds rather than a minute.
 */
export interface JobTimings {
  /** How long a worker's claim on a job lasts without renewal (Bull's lockDuration). */
  lockDurationMs: number;
  /** How often Bull looks for jobs whose worker died (stalledInterval). */
  stalledIntervalMs: number;
  /** How often a worker sweeps the database for runs whose jobs Redis lost. */
  sweepIntervalMs: number;
  /** A run with no progress for this long is considered stalled by the sweep. */
  staleAfterMs: number;
}

export const DEFAULT_JOB_TIMINGS: JobTimings = {
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
  sweepIntervalMs: 30_000,
  staleAfterMs: 60_000,
};
