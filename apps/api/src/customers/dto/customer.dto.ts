import type { StoredTierOverride } from '../tier-override.js';

/** A customer over HTTP. Read-only fields may be sent back on PUT (react-admin does) and are ignored. */
export interface CustomerDto {
  id: string;
  name: string;
  /** E.164 (+8613800000000), unique among customers; null when none is known. */
  phone: string | null;
  facts: Record<string, unknown>;
  tier: string | null;
  score: number | null;
  policyVersion: number | null;
  gradedAt: string | null;
  /** A tier set by hand (PUT/DELETE .../tier-override), or null when the rules alone decide. */
  tierOverride: StoredTierOverride | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const READ_ONLY_CUSTOMER_FIELDS: readonly string[] = [
  'id',
  'tier',
  'score',
  'policyVersion',
  'gradedAt',
  'tierOverride',
  'version',
  'createdAt',
  'updatedAt',
];
