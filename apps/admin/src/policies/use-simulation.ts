import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNotify } from 'react-admin';
import { fetchLatestSimulation, pollInterval, simulateVersion } from '../grading-runs';

const latestSimulationKey = (policyId: string, version: number) => ['latest-simulation', policyId, version];

/** The newest simulation of a version (null: never simulated), read again every half second while it runs. */
export function useLatestSimulation(policyId: string, version: number) {
  return useQuery({
    queryKey: latestSimulationKey(policyId, version),
    queryFn: () => fetchLatestSimulation(policyId, version),
    refetchInterval: (query) => pollInterval(query.state.data),
  });
}

/** Starts a simulation of the version; the answer (202, the queued run) becomes the latest simulation at once. */
export function useSimulate(policyId: string, version: number) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  return useMutation({
    mutationFn: () => simulateVersion(policyId, version),
    onSuccess: (run) => {
      queryClient.setQueryData(latestSimulationKey(policyId, version), run);
      notify('tierwise.policies.simulation.started', { type: 'info', messageArgs: { id: run.id } });
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
}
