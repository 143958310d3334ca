import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useGetList, useGetOne } from 'react-admin';
import { fetchVersion } from './policy-api';
import type { Policy, PolicyVersionSummary } from './policy-types';

/** react-admin resource of one policy's versions: ra-data-simple-rest calls GET /policies/{id}/versions. */
export const versionsResource = (policyId: string) => `policies/${policyId}/versions`;

export function usePolicy(policyId: string) {
  return useGetOne<Policy>('policies', { id: policyId });
}

export function usePolicyVersions(policyId: string, page = 1, perPage = 50) {
  return useGetList<PolicyVersionSummary>(versionsResource(policyId), {
    pagination: { page, perPage },
    sort: { field: 'version', order: 'DESC' },
  });
}

/** One version with its document and lint findings; `undefined` waits (e.g. a diff side not picked yet). */
export function usePolicyVersion(policyId: string, version: number | undefined) {
  return useQuery({
    queryKey: ['policy-version', policyId, version],
    queryFn: () => fetchVersion(policyId, version!),
    enabled: version !== undefined,
  });
}

/** After a write: everything the console shows about this policy may have moved (the version in force, drafts, labels). */
export function useRefreshPolicy(policyId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['policies'] }),
      queryClient.invalidateQueries({ queryKey: [versionsResource(policyId)] }),
      queryClient.invalidateQueries({ queryKey: ['policy-version', policyId] }),
      queryClient.invalidateQueries({ queryKey: ['policy-diff', policyId] }),
      queryClient.invalidateQueries({ queryKey: ['policy-in-force-document', policyId] }),
      // A publication re-grades every customer.
      queryClient.invalidateQueries({ queryKey: ['customers'] }),
      queryClient.invalidateQueries({ queryKey: ['tier-history'] }),
    ]);
  };
}

/** How many customers a publication would re-grade: the total of a one-row customer list. */
export function useCustomerCount(enabled: boolean) {
  const { total } = useGetList('customers', { pagination: { page: 1, perPage: 1 } }, { enabled });
  return total;
}
