import { useQuery } from '@tanstack/react-query';
import { fetchDiff } from './policy-api';

/** The api's diff between two versions: structural changes and the plain-language summary lines. */
export function usePolicyDiff(policyId: string, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: ['policy-diff', policyId, from, to],
    queryFn: () => fetchDiff(policyId, from!, to!),
    enabled: from !== undefined && to !== undefined && from !== to,
  });
}
