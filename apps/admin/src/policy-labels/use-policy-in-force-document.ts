import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { PolicyDocument } from '@tierwise/policy';
import { requestJson } from '../api/http-client';

/**
 * The document of the published version of a policy (`default` unless told otherwise), read once and
 * shared by every page that needs its facts, tiers or labels. Null when nothing is published yet.
 */
export function usePolicyInForceDocument(policyId = 'default'): UseQueryResult<PolicyDocument | null> {
  return useQuery({
    queryKey: ['policy-in-force-document', policyId],
    queryFn: () => fetchPublishedDocument(policyId),
    staleTime: 60_000,
  });
}

async function fetchPublishedDocument(policyId: string): Promise<PolicyDocument | null> {
  const path = `/policies/${encodeURIComponent(policyId)}`;
  const { publishedVersion } = await requestJson<{ publishedVersion: number | null }>(path);
  if (publishedVersion === null) return null;
  return (await requestJson<{ document: PolicyDocument }>(`${path}/versions/${publishedVersion}`)).document;
}
