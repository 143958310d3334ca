import type { PolicyRef } from '@tierwise/policy';

/** The answer to an accepted import: every row was written, in one transaction. */
export interface ImportResultDto {
  imported: number;
  created: number;
  updated: number;
  /** Already stored with the same name and facts. */
  unchanged: number;
  /** Customers whose tier changed, including every first grading; each has a tier history row. */
  tierChanges: number;
  /** Imported customers per tier under the policy in force ("none" for no tier). */
  tiers: Record<string, number>;
  policy: PolicyRef;
}
