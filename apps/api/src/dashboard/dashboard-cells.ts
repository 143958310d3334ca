import type { DataSource } from 'typeorm';

/** One summary cell: customers in one (graded, tier, value bin, potential bin), and their value. */
export interface DashboardCell {
  graded: boolean;
  tier: string | null;
  /** SQL width_bucket over the value edges; null when the customer has no numeric value fact. */
  valueBucket: number | null;
  potentialBucket: number | null;
  customers: number;
  value: number;
}

// Delta rows a read folds into one per cell beyond this many (a few thousand are still a quick sum).
const FOLD_ABOVE_ROWS = 4096;

/** The cells kept exact by triggers in dashboard_cells (migration 1796600000000), folded by key. */
export async function readDashboardCells(dataSource: DataSource): Promise<DashboardCell[]> {
  const rows = await dataSource.query<
    {
      graded: boolean;
      tier: string | null;
      value_bin: number | null;
      potential_bin: number | null;
      n: string;
      value: string;
      rows: string;
    }[]
  >(
    `SELECT graded, tier, value_bin, potential_bin, sum(n) AS n, sum(value_sum) AS value, count(*) AS rows
       FROM dashboard_cells GROUP BY graded, tier, value_bin, potential_bin`,
  );
  let deltaRows = 0;
  const cells: DashboardCell[] = [];
  for (const row of rows) {
    deltaRows += Number(row.rows);
    const customers = Number(row.n);
    if (customers === 0) continue;
    cells.push({
      graded: row.graded,
      tier: row.tier,
      valueBucket: row.value_bin,
      potentialBucket: row.potential_bin,
      customers,
      value: Number(row.value),
    });
  }
  if (deltaRows > FOLD_ABOVE_ROWS) await foldDashboardCells(dataSource);
  return cells;
}

/**
 * One row per cell instead of many, in one statement: it deletes only rows committed before it
 * began and writes back their sums, so every reader sees the same totals before and after.
 */
export async function foldDashboardCells(dataSource: DataSource): Promise<void> {
  await dataSource.query(`
    WITH gone AS (DELETE FROM dashboard_cells RETURNING graded, tier, value_bin, potential_bin, n, value_sum)
    INSERT INTO dashboard_cells (graded, tier, value_bin, potential_bin, n, value_sum)
      SELECT graded, tier, value_bin, potential_bin, sum(n), sum(value_sum) FROM gone
       GROUP BY graded, tier, value_bin, potential_bin
      HAVING sum(n) <> 0 OR sum(value_sum) <> 0`);
}
