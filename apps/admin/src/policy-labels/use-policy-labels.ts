import { useLocalizedLabel } from './localized-label';
import { usePolicyInForceDocument } from './use-policy-in-force-document';

export interface PolicyLabels {
  factLabel(name: string): string;
  tierLabel(id: string): string;
}

/**
 * Fact and tier names in the user's language, from the bilingual labels of the policy in force
 * (the policy that grades the customers unless told otherwise). Falls back to the raw name while loading or when unlabelled.
 */
export function usePolicyLabels(policyId?: string): PolicyLabels {
  const { data } = usePolicyInForceDocument(policyId);
  const localize = useLocalizedLabel();
  return {
    factLabel: (name) => localize(data?.facts?.[name]?.label, name),
    tierLabel: (id) => localize(data?.grading?.tiers?.find((tier) => tier.id === id)?.label, id),
  };
}
