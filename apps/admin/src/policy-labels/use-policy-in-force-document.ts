import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { PolicyDocument } from '@tierwise/policy';
import { requestJson } from '../api/http-client';
import { useGradingPolicy } from './use-grading-policy';

export interface PolicyInForceDocument {
  /** Undefined while loading; null when the policy has no published version (or no policy grades). */
  data: PolicyDocument | null | undefined;
  isPending: boolean;
  error: Error | null;
  /** The policy read: the one asked for, else the grading policy once known. */
  policyId: string | undefined;
}

/**
 * The document of the published version of a policy, read once and shared by every page that needs its
 * facts, tiers or labels. Without a policy id: the policy that grades the customers (`grading: true`).
 */
export function usePolicyInForceDocument(policyId?: string): PolicyInForceDocument {
  const grading = useGradingPolicy(policyId === undefined);
  const id = policyId ?? grading.data?.id;
  const document: UseQueryResult<PolicyDocument | null> = useQuery({
    queryKey: ['policy-in-force-document', id],
    queryFn: () => fetchPublishedDocument(id!),
    staleTime: 60_000,
    enabled: id !== undefined,
  });
  if (policyId === undefined && grading.data === null) return { data: null, isPending: false, error: null, policyId: undefined };
  if (policyId === undefined && grading.error) return { data: undefined, isPending: false, error: grading.error, policyId: undefined };
  return { data: document.data, isPending: id === undefined || document.isPending, error: document.error, policyId: id };
}

async function fetchPublishedDocument(policyId: string): Promise<PolicyDocument | null> {
  const path = `/policies/${encodeURIComponent(policyId)}`;
  const { publishedVersion } = await requestJson<{ publishedVersion: number | null }>(path);
  if (publishedVersion === null) return null;
  return (await requestJson<{ document: PolicyDocument }>(`${path}/versions/${publishedVersion}`)).document;
}
