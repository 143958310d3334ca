import type { Decision } from '@tierwise/policy';

/** Why a customer was (re)graded; the api's GradingCause. */
export type GradingCause = 'policy-publish' | 'fact-change' | 'manual-override' | 'regrade';

/** GET /decisions/{customerId}: the decision exactly as the policy package made it, plus when and why. */
export type StoredDecision = Decision & { id: string; gradedAt: string; cause: GradingCause };
