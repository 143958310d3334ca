import type { PolicyRef } from '@tierwise/policy';
import type { GradingCause } from '../call-centre';

// What the customer routes of the api answer (apps/api/src/customers/dto/customer.dto.ts).

export interface TierOverride {
  tier: string;
  reason: string;
  /** The actor who set it (`user:alice`). */
  by: string;
  at: string;
  /** When it lapses and the rules decide again; absent when it holds until removed. */
  expiresAt?: string;
}

export interface Customer {
  id: string;
  name: string;
  /** E.164, or null when none is known. */
  phone: string | null;
  facts: Record<string, unknown>;
  tier: string | null;
  score: number | null;
  policyVersion: number | null;
  gradedAt: string | null;
  tierOverride: TierOverride | null;
  /** The optimistic-concurrency version: PUT with If-Match: "<version>". */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One row of GET /tier-history (apps/api/src/tier-history/dto/tier-history.dto.ts). */
export interface TierHistoryEntry {
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
