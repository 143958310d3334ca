import type { PolicyRef } from '@tierwise/policy';
import type { GradingCause } from '../../grading/grading-cause.js';

export interface TierHistoryDto {
  id: number;
  customerId: string;
  previousTier: string | null;
  newTier: string | null;
  score: number | null;
  policy: PolicyRef;
  facts: Record<string, unknown>;
  cause: GradingCause;
  actor: string;
  at: string;
}
