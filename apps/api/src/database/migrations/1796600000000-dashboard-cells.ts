import type { MigrationInterface, QueryRunner } from 'typeorm';

// The dashboard (issue 7, point 7) at 1,000,000 customers: per-tier counts and value sums, and
// the value x potential density, answered from a few hundred summary rows instead of a scan.
//
// dashboard_cells holds signed deltas per cell (graded, tier, value bin, potential bin): customers
// and their value sum. Statement-level triggers on customers (facts) and tier_assignments (tier)
// add them, like customer_counts (1796500000000): writers only INSERT, readers fold
// (src/dashboard/dashboard-cells.ts). A cell needs both tables, so each trigger reads the other:
// a transaction-scoped advisory lock, taken BEFORE each writing statement (so before its row
// locks), orders the writers of the two tables; each trigger body then reads the other table's
// latest committed rows and the sums stay exact under concurrent edits, imports and re-grades.
// Deleting a customer is rare (never a graded one: tier_history keeps it): a row trigger there,
// before the cascade removes its grade, so the cell it leaves is its graded one.
//
// The facts and bin edges are those of the default policy (rules/default), named in
// tierwise_dashboard_value/potential below and in src/dashboard/dashboard-axes.ts: value is
// `balance` (money), potential is `growth` (0-15 points). A facts value that is not a JSON
// number counts as absent (no bin, no value). Another policy's axes take a new migration that
// replaces both functions and rebuilds the table with tierwise_dashboard_rebuild().
// Never edit once committed; add a new migration instead.
export class DashboardCells1796600000000 implements MigrationInterface {
  name = 'DashboardCells1796600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dashboard_cells (
        id            bigserial PRIMARY KEY,
        graded        boolean NOT NULL,
        tier          text,
        value_bin     integer,
        potential_bin integer,
        n             bigint NOT NULL,
        value_sum     numeric NOT NULL
      )`);
    // width_bucket over thresholds: 0 below the first, i for thresholds[i] <= x < thresholds[i + 1].
    await db.query(`
      CREATE FUNCTION tierwise_dashboard_value(facts jsonb) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN jsonb_typeof(facts -> 'balance') = 'number' THEN (facts ->> 'balance')::numeric END
      $$`);
    await db.query(`
      CREATE FUNCTION tierwise_dashboard_potential(facts jsonb) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN jsonb_typeof(facts -> 'growth') = 'number' THEN (facts ->> 'growth')::numeric END
      $$`);
    await db.query(`
      CREATE FUNCTION tierwise_dashboard_value_bin(facts jsonb) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
        SELECT width_bucket(tierwise_dashboard_value(facts), ${sqlArray(VALUE_EDGES)})
      $$`);
    await db.query(`
      CREATE FUNCTION tierwise_dashboard_potential_bin(facts jsonb) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
        SELECT width_bucket(tierwise_dashboard_potential(facts), ${sqlArray(POTENTIAL_EDGES)})
      $$`);

    // One row per cell a set of customers moves in (+1) or out of (-1); nothing when it nets to zero.
    const cellsOf = (rows: string) => `
      INSERT INTO dashboard_cells (graded, tier, value_bin, potential_bin, n, value_sum)
        SELECT graded, tier, value_bin, potential_bin, sum(n), coalesce(sum(value), 0) FROM (${rows}) delta
         GROUP BY graded, tier, value_bin, potential_bin
        HAVING sum(n) <> 0 OR coalesce(sum(value), 0) <> 0`;
    const cell = (graded: string, tier: string, facts: string, sign: '' | '-') =>
      `SELECT ${graded} AS graded, ${tier} AS tier, tierwise_dashboard_value_bin(${facts}) AS value_bin,
              tierwise_dashboard_potential_bin(${facts}) AS potential_bin, ${sign}1 AS n, ${sign}tierwise_dashboard_value(${facts}) AS value`;

    await db.query(`
      CREATE FUNCTION tierwise_dashboard_lock() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(${DASHBOARD_LOCK});
        RETURN NULL;
      END
      $$`);
    await db.query(`
      CREATE FUNCTION tierwise_dashboard_customers_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${cellsOf(`${cell('g.customer_id IS NOT NULL', 'g.tier', 'a.facts', '')}
          FROM added a LEFT JOIN tier_assignments g ON g.customer_id = a.id`)};
        RETURN NULL;
      END
      $$`);
    await db.query(`
      CREATE FUNCTION tierwise_dashboard_customers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${cellsOf(`${cell('g.customer_id IS NOT NULL', 'g.tier', 'a.facts', '')}
            FROM added a LEFT JOIN tier_assignments g ON g.customer_id = a.id
          UNION ALL ${cell('g.customer_id IS NOT NULL', 'g.tier', 'r.facts', '-')}
            FROM removed r LEFT JOIN tier_assignments g ON g.customer_id = r.id`)};
        RETURN NULL;
      END
      $$`);
    await db.query(`
      CREATE FUNCTION tierwise_dashboard_customer_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(${DASHBOARD_LOCK});
        ${cellsOf(`${cell('g.customer_id IS NOT NULL', 'g.tier', 'c.facts', '-')}
          FROM (SELECT OLD.id, OLD.facts) c LEFT JOIN tier_assignments g ON g.customer_id = c.id`)};
        RETURN OLD;
      END
      $$`);
    await db.query(`
      CREATE FUNCTION tierwise_dashboard_grades_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${cellsOf(`${cell('true', 'a.tier', 'c.facts', '')} FROM added a JOIN customers c ON c.id = a.customer_id
          UNION ALL ${cell('false', 'NULL::text', 'c.facts', '-')} FROM added a JOIN customers c ON c.id = a.customer_id`)};
        RETURN NULL;
      END
      $$`);
    // A re-grade rewrites every row; only a changed tier moves a customer.
    await db.query(`
      CREATE FUNCTION tierwise_dashboard_grades_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${cellsOf(`
          WITH moved AS (
            SELECT r.tier AS old_tier, a.tier AS new_tier, c.facts
              FROM removed r JOIN added a USING (customer_id) JOIN customers c ON c.id = a.customer_id
             WHERE r.tier IS DISTINCT FROM a.tier)
          ${cell('true', 'new_tier', 'facts', '')} FROM moved
          UNION ALL ${cell('true', 'old_tier', 'facts', '-')} FROM moved`)};
        RETURN NULL;
      END
      $$`);
    // A customer deleted in the same statement (the cascade) left with its row trigger: no join, no move.
    await db.query(`
      CREATE FUNCTION tierwise_dashboard_grades_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${cellsOf(`${cell('false', 'NULL::text', 'c.facts', '')} FROM removed r JOIN customers c ON c.id = r.customer_id
          UNION ALL ${cell('true', 'r.tier', 'c.facts', '-')} FROM removed r JOIN customers c ON c.id = r.customer_id`)};
        RETURN NULL;
      END
      $$`);
    // TRUNCATE locks the table exclusively; what is left is counted afresh (nothing, in practice).
    await db.query(`
      CREATE FUNCTION tierwise_dashboard_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(${DASHBOARD_LOCK});
        DELETE FROM dashboard_cells;
        ${cellsOf(`${cell('g.customer_id IS NOT NULL', 'g.tier', 'c.facts', '')}
          FROM customers c LEFT JOIN tier_assignments g ON g.customer_id = c.id`)};
      END
      $$`);
    await db.query(`
      CREATE FUNCTION tierwise_dashboard_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM tierwise_dashboard_rebuild();
        RETURN NULL;
      END
      $$`);

    for (const table of ['customers', 'tier_assignments']) {
      await db.query(`
        CREATE TRIGGER ${table}_dashboard_lock BEFORE INSERT OR UPDATE OR DELETE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION tierwise_dashboard_lock()`);
      await db.query(`
        CREATE TRIGGER ${table}_dashboard_truncate AFTER TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION tierwise_dashboard_truncated()`);
    }
    for (const [table, event, referencing, fn] of STATEMENT_TRIGGERS) {
      await db.query(`
        CREATE TRIGGER ${table}_dashboard_${event.toLowerCase()} AFTER ${event} ON ${table}
          REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
    await db.query(`
      CREATE TRIGGER customers_dashboard_delete BEFORE DELETE ON customers
        FOR EACH ROW EXECUTE FUNCTION tierwise_dashboard_customer_removed()`);

    await db.query(`SELECT tierwise_dashboard_rebuild()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER customers_dashboard_delete ON customers`);
    for (const [table, event] of STATEMENT_TRIGGERS) await db.query(`DROP TRIGGER ${table}_dashboard_${event.toLowerCase()} ON ${table}`);
    for (const table of ['customers', 'tier_assignments']) {
      await db.query(`DROP TRIGGER ${table}_dashboard_truncate ON ${table}`);
      await db.query(`DROP TRIGGER ${table}_dashboard_lock ON ${table}`);
    }
    for (const fn of [
      'tierwise_dashboard_truncated()',
      'tierwise_dashboard_rebuild()',
      'tierwise_dashboard_grades_removed()',
      'tierwise_dashboard_grades_changed()',
      'tierwise_dashboard_grades_added()',
      'tierwise_dashboard_customer_removed()',
      'tierwise_dashboard_customers_changed()',
      'tierwise_dashboard_customers_added()',
      'tierwise_dashboard_lock()',
      'tierwise_dashboard_potential_bin(jsonb)',
      'tierwise_dashboard_value_bin(jsonb)',
      'tierwise_dashboard_potential(jsonb)',
      'tierwise_dashboard_value(jsonb)',
    ]) {
      await db.query(`DROP FUNCTION ${fn}`);
    }
    await db.query(`DROP TABLE dashboard_cells`);
  }
}

// Copied, not imported, so this migration never changes with the code (see dashboard-axes.ts).
const VALUE_EDGES = [0, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7, 2e7, 5e7, 1e8];
const POTENTIAL_EDGES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
// Beside BOOTSTRAP_LOCK (7_357_001) and FIRST_ADMIN_LOCK (7_357_002).
const DASHBOARD_LOCK = 7_357_003;

const STATEMENT_TRIGGERS: readonly [table: string, event: string, referencing: string, fn: string][] = [
  ['customers', 'INSERT', 'NEW TABLE AS added', 'tierwise_dashboard_customers_added'],
  ['customers', 'UPDATE', 'OLD TABLE AS removed NEW TABLE AS added', 'tierwise_dashboard_customers_changed'],
  ['tier_assignments', 'INSERT', 'NEW TABLE AS added', 'tierwise_dashboard_grades_added'],
  ['tier_assignments', 'UPDATE', 'OLD TABLE AS removed NEW TABLE AS added', 'tierwise_dashboard_grades_changed'],
  ['tier_assignments', 'DELETE', 'OLD TABLE AS removed', 'tierwise_dashboard_grades_removed'],
];

function sqlArray(values: readonly number[]): string {
  return `ARRAY[${values.join(', ')}]::numeric[]`;
}
