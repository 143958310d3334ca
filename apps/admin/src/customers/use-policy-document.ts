import type { FactDefinition, Label, PolicyDocument } from '@tierwise/policy';
import { useLocalizedLabel, usePolicyInForceDocument } from '../policy-labels';
import { orderedFacts } from './fact-order';

export interface PolicyInForce {
  /** Undefined while loading; null when the policy has no published version. */
  document: PolicyDocument | null | undefined;
  isPending: boolean;
  error: unknown;
  /** The facts a customer record carries, scorecard facts first (fact-order.ts). */
  facts: [string, FactDefinition][];
  tiers: { id: string; label: string }[];
  /** A label in the user's language. */
  localize: (label: Label | undefined, fallback: string) => string;
}

/**
 * The published version's fact catalogue and tiers, as the customer pages show them (the document is read once,
 * shared): the policy that grades the customers unless told otherwise.
 */
export function usePolicyInForce(policyId?: string): PolicyInForce {
  const { data, isPending, error } = usePolicyInForceDocument(policyId);
  const localize = useLocalizedLabel();
  return {
    document: data,
    isPending,
    error,
    facts: data ? orderedFacts(data) : [],
    tiers: (data?.grading.tiers ?? []).map((tier) => ({ id: tier.id, label: localize(tier.label, tier.id) })),
    localize,
  };
}
