import { isDeepStrictEqual } from 'node:util';
import type { Decision, Evaluation, ProtectionHeld } from '@tierwise/policy';
import type { FieldError } from '../common/field-error.js';
import type { TierHistoryEntity } from './tier-history.entity.js';

/** What a grading decided, as a tier history row keeps it. */
export interface ReplayOutcome {
  tier: string | null;
  score: number | null;
  protection: ProtectionHeld | null;
}

/** POST /tier-history/{id}/replay: the row's outcome, the replayed one (with its whole decision), and whether they are the same. */
export interface TierHistoryReplayDto {
  identical: boolean;
  stored: ReplayOutcome;
  replayed: ReplayOutcome & { decision?: Decision; errors?: FieldError[] };
}

/** Holds a history row against its evaluation again: tier, score and protection must be exactly the stored ones. */
export function replayOf(row: Pick<TierHistoryEntity, 'newTier' | 'score' | 'protection'>, evaluation: Evaluation): TierHistoryReplayDto {
  const stored: ReplayOutcome = { tier: row.newTier, score: row.score, protection: row.protection };
  if (!evaluation.ok) {
    return { identical: false, stored, replayed: { tier: null, score: null, protection: null, errors: evaluation.errors } };
  }
  const { decision } = evaluation;
  const replayed = { tier: decision.tier, score: decision.score, protection: decision.protection ?? null };
  // The stored protection is jsonb (keys in its own order): compared by value.
  const identical =
    stored.tier === replayed.tier && Object.is(stored.score, replayed.score) && isDeepStrictEqual(stored.protection, replayed.protection);
  return { identical, stored, replayed: { ...replayed, decision } };
}
