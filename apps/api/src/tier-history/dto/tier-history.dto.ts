import type { PolicyRef, ProtectionHeld } from '@tierwise/policy';
import type { GradingCause } from '../../grading/grading-cause.js';
import type { GradingInputs } from '../../grading/grading-inputs.js';

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
  /** What the evaluation was given besides the facts and the version; null on rows written before they were kept. */
  inputs: GradingInputs | null;
  /** Present when downgrade protection held (the tier is not the one the rules give). */
  protection: ProtectionHeld | null;
}
