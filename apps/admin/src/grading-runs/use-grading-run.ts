import { useQuery } from '@tanstack/react-query';
import { fetchRun } from './grading-runs-api';
import { pollInterval } from './run-progress';

/** The query of one run: read again every POLL_MS while it is queued or running, then no more. */
export function gradingRunQuery(id: number) {
  return {
    queryKey: ['grading-run', id],
    queryFn: () => fetchRun(id),
    refetchInterval: (query: { state: { data: Awaited<ReturnType<typeof fetchRun>> | undefined } }) => pollInterval(query.state.data),
  };
}

/** One run followed until it has finished; null: no run to follow. */
export function useGradingRun(id: number | null) {
  return useQuery({ ...gradingRunQuery(id ?? 0), enabled: id !== null });
}
