import type { DataSource } from 'typeorm';

/** Customers in one (value bin, potential bin) of their current facts, and their value. */
export interface FactCell {
  /** SQL width_bucket over the value edges; null when the customer has no numeric value fact. */
  valueBucket: number | null;
  potentialBucket: number | null;
  customers: number;
  value: number;
}

/** Graded customers in one tier (null: graded into no tier), and their value. */
export interface TierCell {
  tier: string | null;
  customers: number;
  value: number;
}

/** Every customer by facts (the population), and every graded one by tier. */
export interface DashboardCells {
  facts: FactCell[];
  tiers: TierCell[];
}

// Delta rows a read folds into one per cell beyond this many (a few thousand are still a quick sum).
const FOLD_ABOVE_ROWS = 4096;

/**
 * The cells kept exact by triggers (migration 1796700000000), folded by key: dashboard_fact_cells
 * from the customers table alone, dashboard_tier_cells from tier_assignments alone. Both in one
 * statement, so one snapshot: the population and the graded customers agree.
 */
export async function readDashboardCells(dataSource: DataSource): Promise<DashboardCells> {
  const rows = await dataSource.query<
    {
      kind: 'facts' | 'tier';
      tier: string | null;
      value_bin: number | null;
      potential_bin: number | null;
      n: string;
      value: string;
      rows: string;
    }[]
  >(
    `SELECT 'facts' AS kind, NULL::text AS tier, value_bin, potential_bin, sum(n) AS n, sum(value_sum) AS value, count(*) AS rows
       FROM dashboard_fact_cells GROUP BY value_bin, potential_bin
     UNION ALL
     SELECT 'tier', tier, NULL, NULL, sum(n), sum(value_sum), count(*) FROM dashboard_tier_cells GROUP BY tier`,
  );
  let deltaRows = 0;
  const cells: DashboardCells = { facts: [], tiers: [] };
  for (const row of rows) {
    deltaRows += Number(row.rows);
    const customers = Number(row.n);
    if (customers === 0) continue;
    if (row.kind === 'facts') {
      cells.facts.push({ valueBucket: row.value_bin, potentialBucket: row.potential_bin, customers, value: Number(row.value) });
    } else {
      cells.tiers.push({ tier: row.tier, customers, value: Number(row.value) });
    }
  }
  if (deltaRows > FOLD_ABOVE_ROWS) await foldDashboardCells(dataSource);
  return cells;
}

/**
 * One row per cell instead of many, one statement per table: each deletes only rows committed
 * before it began and writes back their sums, so every reader sees the same totals before and after.
 */
export async function foldDashboardCells(dataSource: DataSource): Promise<void> {
  await dataSource.query(`
    WITH gone AS (DELETE FROM dashboard_fact_cells RETURNING value_bin, potential_bin, n, value_sum)
    INSERT INTO dashboard_fact_cells (value_bin, potential_bin, n, value_sum)
      SELECT value_bin, potential_bin, sum(n), sum(value_sum) FROM gone
       GROUP BY value_bin, potential_bin HAVING sum(n) <> 0 OR sum(value_sum) <> 0`);
  await dataSource.query(`
    WITH gone AS (DELETE FROM dashboard_tier_cells RETURNING tier, n, value_sum)
    INSERT INTO dashboard_tier_cells (tier, n, value_sum)
      SELECT tier, sum(n), sum(value_sum) FROM gone GROUP BY tier HAVING sum(n) <> 0 OR sum(value_sum) <> 0`);
}
