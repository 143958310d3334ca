import type { TierOverride } from '@tierwise/policy';

/** A tier set by hand, as stored on the customer: what the policy package needs, plus who set it and when. */
export interface StoredTierOverride extends TierOverride {
  /** The actor who set it (`user:alice`). */
  by: string;
  /** When, as an ISO 8601 UTC timestamp from the database's clock. */
  at: string;
  /** When it lapses, as an ISO 8601 UTC timestamp; absent when it holds until cleared. ExpireOverridesJob clears it then. */
  expiresAt?: string;
}

/** What evaluation is given: the tier and the reason, nothing about who or when. */
export function overrideForEvaluation(stored: StoredTierOverride | null | undefined): TierOverride | null {
  return stored ? { tier: stored.tier, reason: stored.reason } : null;
}
