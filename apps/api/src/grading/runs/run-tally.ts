import { emptyTreatmentTally, addTreatmentTallies, type TreatmentTally } from './treatment-tally.js';

/** Key for "no tier": graded into none of the policy's tiers, or never graded before. */
export const NO_TIER = 'none';

/**
 * What a chunk (and, summed, a run) did: customers evaluated, tier changes,
 * failures, customers per tier before and after, and who moved where.
 */
export interface RunTally {
  evaluated: number;
  /** Customers whose tier changed: exactly the tier-history rows a grading run wrote. */
  changed: number;
  failed: number;
  /** Decisions written (a grading run rewrites every decision whose content changed). */
  decisionsWritten: number;
  before: Record<string, number>;
  after: Record<string, number>;
  /** migration[from][to] = customers; unchanged customers count on the diagonal. */
  migration: Record<string, Record<string, number>>;
  /** Simulations only: what the treatments cost before and after. */
  treatments?: TreatmentTally;
}

export function emptyTally(withTreatments = false): RunTally {
  return {
    evaluated: 0,
    changed: 0,
    failed: 0,
    decisionsWritten: 0,
    before: {},
    after: {},
    migration: {},
    ...(withTreatments ? { treatments: emptyTreatmentTally() } : {}),
  };
}

export function countMove(tally: RunTally, from: string | null | undefined, to: string | null): void {
  const before = from ?? NO_TIER;
  const after = to ?? NO_TIER;
  tally.evaluated += 1;
  increment(tally.before, before);
  increment(tally.after, after);
  increment((tally.migration[before] ??= {}), after);
  if (from === undefined || from !== to) tally.changed += 1;
}

export function addTallies(total: RunTally, part: RunTally): RunTally {
  total.evaluated += part.evaluated;
  total.changed += part.changed;
  total.failed += part.failed;
  total.decisionsWritten += part.decisionsWritten;
  addCounts(total.before, part.before);
  addCounts(total.after, part.after);
  for (const [from, row] of Object.entries(part.migration)) addCounts((total.migration[from] ??= {}), row);
  if (part.treatments) total.treatments = addTreatmentTallies(total.treatments ?? emptyTreatmentTally(), part.treatments);
  return total;
}

function increment(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

function addCounts(total: Record<string, number>, part: Record<string, number>): void {
  for (const [key, count] of Object.entries(part)) increment(total, key, count);
}
