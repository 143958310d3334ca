import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNotify, useRedirect } from 'react-admin';
import type { StartRunRequest } from './grading-run';
import { startRun } from './grading-runs-api';

/** POST /grading-runs; on success the user follows the new run on its page. */
export function useStartRun() {
  const notify = useNotify();
  const redirect = useRedirect();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: StartRunRequest) => startRun(request),
    onSuccess: async (run) => {
      await queryClient.invalidateQueries({ queryKey: ['grading-runs'] });
      notify('tierwise.gradingRuns.start.started', { type: 'success', messageArgs: { id: run.id } });
      redirect('show', 'grading-runs', run.id);
    },
  });
}
