import type { Decision } from '@tierwise/policy';
import type { GradingCause } from '../../grading/grading-cause.js';

/** The decision exactly as @tierwise/policy made it, plus when and why it was made. */
export type StoredDecisionDto = Decision & { gradedAt: string; cause: GradingCause };
