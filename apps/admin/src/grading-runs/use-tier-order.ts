import { usePolicyInForceDocument } from '../policy-labels';

/** The tier ids of the policy in force, in its order (A, B, C): how grids and counts are laid out. */
export function useTierOrder(policyId: string): string[] {
  const { data } = usePolicyInForceDocument(policyId);
  return data?.grading?.tiers?.map((tier) => tier.id) ?? [];
}
