import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DashboardCells1796600000000 } from './1796600000000-dashboard-cells.js';

// The dashboard summary of 1796600000000 without its global lock. There, a cell needed both
// tables, so each table's trigger read the other, and one advisory lock held to commit ordered
// EVERY write of customers and tier_assignments: gradings could not run in parallel (issue 8),
// and a writer holding the lock could deadlock with one holding row locks. Here every trigger
// reads only its own statement's rows, so writers meet only on the rows they both write:
//
// - dashboard_fact_cells, per (value bin, potential bin): customers and their value, from the
//   customers triggers alone (OLD/NEW facts). It is the value matrix and the population totals.
// - dashboard_tier_cells, per tier (null: graded into no tier): graded customers and their value,
//   from the tier_assignments triggers alone (OLD/NEW tier and dashboard_value).
// - tier_assignments.dashboard_value: the value fact of the customer's CURRENT facts, kept on the
//   decision row so a tier's value sum needs no join. Whoever writes facts keeps it: the customers
//   UPDATE trigger sets it on the customer's decision row (row locks in id order, customers row
//   first, tier_assignments row second: the order every grading writer already takes). A new
//   decision row reads it in a BEFORE INSERT trigger with FOR SHARE, so it waits for an
//   uncommitted fact change of that customer and reads what it committed (that writer could not
//   see the new row to update it). Updating a decision never changes it: facts did not change.
// - Deleting a customer cascades to its decision row: each table's DELETE trigger subtracts its own rows.
//
// Like customer_counts (1796500000000), writers only INSERT delta rows; readers fold them
// (src/dashboard/dashboard-cells.ts). The facts and bin edges are 1796600000000's (default policy:
// value is `balance`, potential is `growth`); another policy's axes take a migration that replaces
// the functions and calls tierwise_dashboard_rebuild().
// Never edit once committed; add a new migration instead.
export class DashboardWithoutLock1796700000000 implements MigrationInterface {
  name = 'DashboardWithoutLock1796700000000';

  async up(db: QueryRunner): Promise<void> {
    // Its triggers, lock, functions and table go; it is committed, so its own down() is the exact inverse.
    await new DashboardCells1796600000000().down(db);

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

    await db.query(`
      CREATE TABLE dashboard_fact_cells (
        id            bigserial PRIMARY KEY,
        value_bin     integer,
        potential_bin integer,
        n             bigint NOT NULL,
        value_sum     numeric NOT NULL
      )`);
    await db.query(`
      CREATE TABLE dashboard_tier_cells (
        id        bigserial PRIMARY KEY,
        tier      text,
        n         bigint NOT NULL,
        value_sum numeric NOT NULL
      )`);
    await db.query(`ALTER TABLE tier_assignments ADD COLUMN dashboard_value numeric`);

    await db.query(`
      CREATE FUNCTION tierwise_dashboard_facts_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${factCellsOf(`${factCell('facts', '')} FROM added`)};
        RETURN NULL;
      END
      $$`);
    // Facts that changed: their cells move, and the decision row's value follows (locked in id order).
    await db.query(`
      CREATE FUNCTION tierwise_dashboard_facts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${factCellsOf(`${factCell('facts', '')} FROM added UNION ALL ${factCell('facts', '-')} FROM removed`)};
        PERFORM 1 FROM tier_assignments g JOIN added a ON a.id = g.customer_id
          WHERE g.dashboard_value IS DISTINCT FROM tierwise_dashboard_value(a.facts)
          ORDER BY g.customer_id FOR UPDATE OF g;
        UPDATE tier_assignments g SET dashboard_value = tierwise_dashboard_value(a.facts) FROM added a
         WHERE a.id = g.customer_id AND g.dashboard_value IS DISTINCT FROM tierwise_dashboard_value(a.facts);
        RETURN NULL;
      END
      $$`);
    await db.query(`
      CREATE FUNCTION tierwise_dashboard_facts_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${factCellsOf(`${factCell('facts', '-')} FROM removed`)};
        RETURN NULL;
      END
      $$`);
    await db.query(`
      CREATE FUNCTION tierwise_dashboard_grade_value() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT tierwise_dashboard_value(facts) INTO NEW.dashboard_value FROM customers WHERE id = NEW.customer_id FOR SHARE;
        RETURN NEW;
      END
      $$`);
    await db.query(`
      CREATE FUNCTION tierwise_dashboard_grades_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${tierCellsOf(`${tierCell('')} FROM added`)};
        RETURN NULL;
      END
      $$`);
    // A re-grade rewrites every row; only a changed tier or value moves anything.
    await db.query(`
      CREATE FUNCTION tierwise_dashboard_grades_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${tierCellsOf(`${tierCell('')} FROM added UNION ALL ${tierCell('-')} FROM removed`)};
        RETURN NULL;
      END
      $$`);
    await db.query(`
      CREATE FUNCTION tierwise_dashboard_grades_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${tierCellsOf(`${tierCell('-')} FROM removed`)};
        RETURN NULL;
      END
      $$`);
    // Everything counted afresh, with the tables share-locked (writers wait): for new axes, or after a TRUNCATE.
    await db.query(`
      CREATE FUNCTION tierwise_dashboard_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        LOCK TABLE customers, tier_assignments IN SHARE MODE;
        UPDATE tier_assignments g SET dashboard_value = tierwise_dashboard_value(c.facts) FROM customers c
         WHERE c.id = g.customer_id AND g.dashboard_value IS DISTINCT FROM tierwise_dashboard_value(c.facts);
        DELETE FROM dashboard_fact_cells;
        DELETE FROM dashboard_tier_cells;
        ${factCellsOf(`${factCell('facts', '')} FROM customers`)};
        ${tierCellsOf(`${tierCell('')} FROM tier_assignments`)};
      END
      $$`);
    // TRUNCATE locks its table exclusively: its own cells are counted afresh (nothing, in practice).
    await db.query(`
      CREATE FUNCTION tierwise_dashboard_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'customers' THEN
          DELETE FROM dashboard_fact_cells;
          ${factCellsOf(`${factCell('facts', '')} FROM customers`)};
        ELSE
          DELETE FROM dashboard_tier_cells;
          ${tierCellsOf(`${tierCell('')} FROM tier_assignments`)};
        END IF;
        RETURN NULL;
      END
      $$`);

    await db.query(`SELECT tierwise_dashboard_rebuild()`);

    for (const [table, event, referencing, fn] of STATEMENT_TRIGGERS) {
      await db.query(`
        CREATE TRIGGER ${table}_dashboard_${event.toLowerCase()} AFTER ${event} ON ${table}
          REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
    for (const table of ['customers', 'tier_assignments']) {
      await db.query(`
        CREATE TRIGGER ${table}_dashboard_truncate AFTER TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION tierwise_dashboard_truncated()`);
    }
    await db.query(`
      CREATE TRIGGER tier_assignments_dashboard_value BEFORE INSERT ON tier_assignments
        FOR EACH ROW EXECUTE FUNCTION tierwise_dashboard_grade_value()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER tier_assignments_dashboard_value ON tier_assignments`);
    for (const table of ['customers', 'tier_assignments']) await db.query(`DROP TRIGGER ${table}_dashboard_truncate ON ${table}`);
    for (const [table, event] of STATEMENT_TRIGGERS) await db.query(`DROP TRIGGER ${table}_dashboard_${event.toLowerCase()} ON ${table}`);
    for (const fn of [
      'tierwise_dashboard_truncated()',
      'tierwise_dashboard_rebuild()',
      'tierwise_dashboard_grades_removed()',
      'tierwise_dashboard_grades_changed()',
      'tierwise_dashboard_grades_added()',
      'tierwise_dashboard_grade_value()',
      'tierwise_dashboard_facts_removed()',
      'tierwise_dashboard_facts_changed()',
      'tierwise_dashboard_facts_added()',
      'tierwise_dashboard_potential_bin(jsonb)',
      'tierwise_dashboard_value_bin(jsonb)',
      'tierwise_dashboard_potential(jsonb)',
      'tierwise_dashboard_value(jsonb)',
    ]) {
      await db.query(`DROP FUNCTION ${fn}`);
    }
    await db.query(`ALTER TABLE tier_assignments DROP COLUMN dashboard_value`);
    await db.query(`DROP TABLE dashboard_tier_cells`);
    await db.query(`DROP TABLE dashboard_fact_cells`);
    await new DashboardCells1796600000000().up(db);
  }
}

// Copied, not imported, so this migration never changes with the code (see dashboard-axes.ts).
const VALUE_EDGES = [0, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7, 2e7, 5e7, 1e8];
const POTENTIAL_EDGES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

const STATEMENT_TRIGGERS: readonly [table: string, event: string, referencing: string, fn: string][] = [
  ['customers', 'INSERT', 'NEW TABLE AS added', 'tierwise_dashboard_facts_added'],
  ['customers', 'UPDATE', 'OLD TABLE AS removed NEW TABLE AS added', 'tierwise_dashboard_facts_changed'],
  ['customers', 'DELETE', 'OLD TABLE AS removed', 'tierwise_dashboard_facts_removed'],
  ['tier_assignments', 'INSERT', 'NEW TABLE AS added', 'tierwise_dashboard_grades_added'],
  ['tier_assignments', 'UPDATE', 'OLD TABLE AS removed NEW TABLE AS added', 'tierwise_dashboard_grades_changed'],
  ['tier_assignments', 'DELETE', 'OLD TABLE AS removed', 'tierwise_dashboard_grades_removed'],
];

// One row per cell a set of rows moves in (+1) or out of (-1); nothing when it nets to zero.
function factCellsOf(rows: string): string {
  return `
    INSERT INTO dashboard_fact_cells (value_bin, potential_bin, n, value_sum)
      SELECT value_bin, potential_bin, sum(n), sum(value) FROM (${rows}) delta
       GROUP BY value_bin, potential_bin HAVING sum(n) <> 0 OR sum(value) <> 0`;
}

function factCell(facts: string, sign: '' | '-'): string {
  return `SELECT tierwise_dashboard_value_bin(${facts}) AS value_bin, tierwise_dashboard_potential_bin(${facts}) AS potential_bin,
                 ${sign}1 AS n, ${sign}coalesce(tierwise_dashboard_value(${facts}), 0) AS value`;
}

function tierCellsOf(rows: string): string {
  return `
    INSERT INTO dashboard_tier_cells (tier, n, value_sum)
      SELECT tier, sum(n), sum(value) FROM (${rows}) delta GROUP BY tier HAVING sum(n) <> 0 OR sum(value) <> 0`;
}

function tierCell(sign: '' | '-'): string {
  return `SELECT tier, ${sign}1 AS n, ${sign}coalesce(dashboard_value, 0) AS value`;
}

function sqlArray(values: readonly number[]): string {
  return `ARRAY[${values.join(', ')}]::numeric[]`;
}
