// The facts the dashboard reads and where it cuts them: the same names and edges as
// migration 1796600000000 (its SQL functions bin them; a change takes a new migration).
// Value is money, heavy-tailed (a few large customers hold most of it): 1-2-5 edges.
// Potential is a 0-15 point fact: one bin per point.

/** The value fact: money, summed per tier (the profit pyramid) and binned on the matrix's x axis. */
export const VALUE_FACT = 'balance';
/** The potential fact: binned on the matrix's y axis. */
export const POTENTIAL_FACT = 'growth';

/** Bin i holds edges[i] <= x < edges[i + 1]; the last bin is open above; values below the first edge count in the first bin. */
export const VALUE_EDGES: readonly number[] = [0, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7, 2e7, 5e7, 1e8];
export const POTENTIAL_EDGES: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

/** growth's declared range in rules/default: its midpoint is where high potential begins. */
export const POTENTIAL_RANGE = { min: 0, max: 15 } as const;

/** The bin index (0-based) of a SQL width_bucket result: below the first edge folds into the first bin. */
export function binIndex(widthBucket: number): number {
  return Math.max(0, widthBucket - 1);
}
