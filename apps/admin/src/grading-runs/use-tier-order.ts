import { usePolicyInForceDocument } from '../policy-labels';

/** The tier ids of a policy's version in force (the grading policy's without an id), in its order (A, B, C): how grids and counts are laid out. */
export function useTierOrder(policyId?: string): string[] {
  const { data } = usePolicyInForceDocument(policyId);
  return data?.grading?.tiers?.map((tier) => tier.id) ?? [];
}
