import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchFailures } from './grading-runs-api';

/**
 * One page of a run's failures; the previous page stays on screen while the next one loads. `failed` is
 * the run's count so far: failures are written as chunks finish, so a new count reads the page again.
 */
export function useRunFailures(runId: number, page: number, perPage: number, failed: number) {
  return useQuery({
    queryKey: ['grading-run-failures', runId, page, perPage, failed],
    queryFn: () => fetchFailures(runId, page, perPage),
    placeholderData: keepPreviousData,
    enabled: failed > 0,
  });
}
