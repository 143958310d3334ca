import type { DataSource } from 'typeorm';

/** Exact totals kept by triggers in customer_counts (migration 1796500000000). */
export interface CustomerCounts {
  customers: number;
  /** Customers with a current decision (a row in tier_assignments). */
  graded: number;
  tiers: ReadonlyMap<string, number>;
}

// Delta rows a read folds into one per key beyond this many; a sum over a few hundred rows is still cheap.
const FOLD_ABOVE_ROWS = 256;

export async function readCustomerCounts(dataSource: DataSource): Promise<CustomerCounts> {
  const rows = await dataSource.query<{ key: string; n: string; rows: string }[]>(
    'SELECT key, sum(n) AS n, count(*) AS rows FROM customer_counts GROUP BY key',
  );
  const counts = { customers: 0, graded: 0, tiers: new Map<string, number>() };
  let deltaRows = 0;
  for (const row of rows) {
    deltaRows += Number(row.rows);
    const n = Number(row.n);
    if (row.key === 'customers') counts.customers = n;
    else if (row.key === 'graded') counts.graded = n;
    else if (row.key.startsWith('tier:')) counts.tiers.set(row.key.slice('tier:'.length), n);
  }
  if (deltaRows > FOLD_ABOVE_ROWS) await foldCustomerCounts(dataSource);
  return counts;
}

/**
 * One row per key instead of many. A single statement: it deletes only rows committed
 * before it began (a writer's uncommitted deltas stay) and writes back their sum, so
 * every reader sees the same totals before and after. Two folds at once: the second waits
 * for the first's rows, finds them gone and skips them.
 */
export async function foldCustomerCounts(dataSource: DataSource): Promise<void> {
  await dataSource.query(`
    WITH gone AS (DELETE FROM customer_counts RETURNING key, n)
    INSERT INTO customer_counts (key, n) SELECT key, sum(n) FROM gone GROUP BY key HAVING sum(n) <> 0`);
}
