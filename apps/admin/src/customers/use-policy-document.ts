import type { FactDefinition, Label, PolicyDocument } from '@tierwise/policy';
import { useQuery } from '@tanstack/react-query';
import { useLocaleState } from 'react-admin';
import { requestJson } from '../api/http-client';
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
 * The document of the published version of a policy (`default` unless told otherwise): its fact
 * catalogue and tiers. Same query (key and answer) as usePolicyLabels in src/policy-labels, so a page
 * using both reads the policy once.
 */
export function usePolicyInForce(policyId = 'default'): PolicyInForce {
  const [locale] = useLocaleState();
  const { data, isPending, error } = useQuery({
    queryKey: ['policy-in-force-document', policyId],
    queryFn: () => fetchPublishedDocument(policyId),
    staleTime: 60_000,
  });
  const localize = (label: Label | undefined, fallback: string) =>
    label ? (locale === 'zh-CN' ? (label.zh ?? label.en) : label.en) : fallback;
  return {
    document: data,
    isPending,
    error,
    facts: data ? orderedFacts(data) : [],
    tiers: (data?.grading.tiers ?? []).map((tier) => ({ id: tier.id, label: localize(tier.label, tier.id) })),
    localize,
  };
}

async function fetchPublishedDocument(policyId: string): Promise<PolicyDocument | null> {
  const path = `/policies/${encodeURIComponent(policyId)}`;
  const { publishedVersion } = await requestJson<{ publishedVersion: number | null }>(path);
  if (publishedVersion === null) return null;
  return (await requestJson<{ document: PolicyDocument }>(`${path}/versions/${publishedVersion}`)).document;
}
