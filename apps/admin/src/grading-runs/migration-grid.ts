import type { GradingRun } from './grading-run';
import { orderTiers } from './tier-order';

/** The migration grid as a table: rows are the tier before, columns the tier after. */
export interface MigrationGrid {
  tiers: string[];
  /** cells[row][column]: customers that moved from tiers[row] to tiers[column]; the diagonal kept their tier. */
  cells: number[][];
  /** Customers per tier before (row sums) and after (column sums). */
  rowTotals: number[];
  columnTotals: number[];
  total: number;
}

/** One arrow of the grid off its diagonal: `count` customers moved from one tier to another. */
export interface TierMove {
  from: string;
  to: string;
  count: number;
}

type Migration = GradingRun['migration'];

/** Every tier that appears as a source or a destination, rows and columns alike, so the diagonal is square. */
export function buildMigrationGrid(migration: Migration, policyOrder: readonly string[] = []): MigrationGrid {
  const present = Object.entries(migration).flatMap(([from, row]) => [from, ...Object.keys(row)]);
  const tiers = orderTiers(present, policyOrder);
  const cells = tiers.map((from) => tiers.map((to) => migration[from]?.[to] ?? 0));
  const rowTotals = cells.map((row) => sum(row));
  const columnTotals = tiers.map((_, column) => sum(cells.map((row) => row[column] ?? 0)));
  return { tiers, cells, rowTotals, columnTotals, total: sum(rowTotals) };
}

/** The moves off the diagonal, largest first (ties in tier order). */
export function tierMoves(migration: Migration, policyOrder: readonly string[] = []): TierMove[] {
  const grid = buildMigrationGrid(migration, policyOrder);
  const moves: TierMove[] = [];
  grid.tiers.forEach((from, row) =>
    grid.tiers.forEach((to, column) => {
      const count = grid.cells[row]![column]!;
      if (row !== column && count > 0) moves.push({ from, to, count });
    }),
  );
  // Array.prototype.sort is stable: equal counts keep the grid's reading order.
  return moves.sort((a, b) => b.count - a.count);
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
