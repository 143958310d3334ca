import type { StoredTierOverride } from './tier-override.js';

/** A customer with its current grading, as the repository reads it. */
export interface CustomerView {
  id: string;
  name: string;
  phone: string | null;
  facts: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  tier: string | null;
  score: number | null;
  policyVersion: number | null;
  gradedAt: Date | null;
  tierOverride: StoredTierOverride | null;
}
