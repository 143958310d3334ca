import type { CompiledPolicy } from '@tierwise/policy';

/** A compiled policy and the stored version it came from. */
export interface PolicyInForce {
  policyId: string;
  version: number;
  /** Null for a draft: nothing graded with it is stored. */
  hash: string | null;
  compiled: CompiledPolicy;
}
