import type { Decision } from '@tierwise/policy';
import type { GradingCause } from '../../grading/grading-cause.js';

/** The decision exactly as @tierwise/policy made it, plus when and why it was made; `id` is the customer's id (react-admin's record id). */
export type StoredDecisionDto = { id: string } & Decision & { gradedAt: string; cause: GradingCause };
