import type { GradingCause } from './grading-causes';

/** One row of GET /tier-history (apps/api/src/tier-history/dto/tier-history.dto.ts). */
export interface TierHistoryEntry {
  id: number;
  customerId: string;
  previousTier: string | null;
  newTier: string | null;
  score: number | null;
  policy: { id: string; version: number; hash: string };
  facts: Record<string, unknown>;
  cause: GradingCause;
  actor: string;
  at: string;
}
