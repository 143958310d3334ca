import type { GradingRun } from '../grading-runs';
import type { PolicyVersionSummary } from './policy-types';

/** A simulation ran the draft as saved when it started: a save since then is not in its figures. */
export function isSimulationStale(run: Pick<GradingRun, 'startedAt'>, version: Pick<PolicyVersionSummary, 'updatedAt'>): boolean {
  return Date.parse(version.updatedAt) > Date.parse(run.startedAt);
}
