import { useMutation } from '@tanstack/react-query';
import { publishVersion, rollbackToVersion } from './policy-api';
import { useRefreshPolicy } from './use-policy-queries';

/** Publish a draft, as reviewed: the version it replaces and the revision the publisher saw. */
export function usePublish(policyId: string) {
  const refresh = useRefreshPolicy(policyId);
  return useMutation({
    mutationFn: ({ version, supersedes, revision }: { version: number; supersedes: number | null; revision: number }) =>
      publishVersion(policyId, version, { supersedes, revision }),
    onSuccess: refresh,
  });
}

/** Put an older version back in force (as a new version with the same hash). */
export function useRollback(policyId: string) {
  const refresh = useRefreshPolicy(policyId);
  return useMutation({
    mutationFn: ({ version, supersedes }: { version: number; supersedes: number | null }) =>
      rollbackToVersion(policyId, version, { supersedes }),
    onSuccess: refresh,
  });
}
