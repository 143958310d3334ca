import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { GradingRun } from './grading-run';
import { isRunFinished } from './run-progress';

/**
 * Once a grading run (not a simulation) has finished, what the console shows about customers was
 * rewritten under it: read the customers, their decisions, tier history and the dashboard again.
 */
export function useRefreshAfterGrading(run: GradingRun | undefined) {
  const queryClient = useQueryClient();
  const finishedGrading = run !== undefined && run.kind === 'grade' && isRunFinished(run.status) ? run.id : null;
  useEffect(() => {
    if (finishedGrading === null) return;
    for (const key of ['customers', 'customer-decision', 'tier-history', 'dashboard', 'grading-runs'])
      void queryClient.invalidateQueries({ queryKey: [key] });
  }, [finishedGrading, queryClient]);
}
