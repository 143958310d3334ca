import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { fetchGradingPolicy, type GradingPolicy } from './grading-policy';

/**
 * The policy that grades the customers, read once and shared. Its key sits under react-admin's
 * `policies` queries, so whatever refreshes the policies (a publication, a switch) refreshes it too.
 */
export function useGradingPolicy(enabled = true): UseQueryResult<GradingPolicy | null> {
  return useQuery({ queryKey: ['policies', 'grading-policy'], queryFn: fetchGradingPolicy, staleTime: 60_000, enabled });
}
