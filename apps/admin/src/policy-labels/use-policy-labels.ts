import { useQuery } from '@tanstack/react-query';
import { useLocaleState } from 'react-admin';
import { requestJson } from '../api/http-client';

interface Label {
  en: string;
  zh?: string;
}
interface LabelledPolicy {
  facts?: Record<string, { label?: Label }>;
  grading?: { tiers?: { id: string; label?: Label }[] };
}

export interface PolicyLabels {
  factLabel(name: string): string;
  tierLabel(id: string): string;
}

/**
 * Fact and tier names in the user's language, from the bilingual labels of the policy in force
 * (policy `default` unless told otherwise). Falls back to the raw name while loading or when unlabelled.
 */
export function usePolicyLabels(policyId = 'default'): PolicyLabels {
  const [locale] = useLocaleState();
  const { data } = useQuery({
    queryKey: ['policy-in-force-document', policyId],
    queryFn: () => fetchPublishedDocument(policyId),
    staleTime: 60_000,
  });
  const pick = (label: Label | undefined, fallback: string) =>
    label ? (locale === 'zh-CN' ? (label.zh ?? label.en) : label.en) : fallback;
  return {
    factLabel: (name) => pick(data?.facts?.[name]?.label, name),
    tierLabel: (id) => pick(data?.grading?.tiers?.find((tier) => tier.id === id)?.label, id),
  };
}

async function fetchPublishedDocument(policyId: string): Promise<LabelledPolicy | null> {
  const path = `/policies/${encodeURIComponent(policyId)}`;
  const { publishedVersion } = await requestJson<{ publishedVersion: number | null }>(path);
  if (publishedVersion === null) return null;
  return (await requestJson<{ document: LabelledPolicy }>(`${path}/versions/${publishedVersion}`)).document;
}
