import type { GradingCause } from '../grading-cause.js';
import type { RunCause } from './grading-run.js';

/** The tier-history cause of a row a run writes: a publication or rollback, or a plain re-grade. */
export function runHistoryCause(cause: RunCause): GradingCause {
  return cause === 'publish' || cause === 'rollback' ? 'policy-publish' : 'regrade';
}
