import type { MigrationInterface, QueryRunner } from 'typeorm';

// The customer list's search (q) with its exact total at 1,000,000 customers (issue 7). q matched
// the name or id of the customers table itself: counting 66,707 matches of a common word read that
// many rows of a 355 MB table (1.3 s), and with a tier filter joined each to its decision.
//
// customer_search holds per customer only what a search needs: one lower-cased text of id, name
// and phone (fields apart by U+001F, which q never holds, so a match never spans two fields) and
// the current tier (null: no tier or not graded), under a trigram index: about 75 bytes a customer,
// so a count reads a tenth of the pages, and a tier filter needs no join. It is written by triggers:
// - customers INSERT and DELETE add and remove rows; an UPDATE that changes id, name or phone
//   rewrites the text. That UPDATE trigger replaces 1796700000000's customers_dashboard_update and
//   does its work too, so the decision rows of the changed customers are locked in ONE pass in id
//   order before either summary is written: customers row, then decision row, then search row, the
//   order of every writer (a writer of decisions alone locks the decision row, then the search row;
//   a first grading share-locks the customers row before it, 1796700000000).
// - tier_assignments INSERT, UPDATE (only a changed tier) and DELETE set the tier.
// Never edit once committed; add a new migration instead.
export class CustomerSearch1796800000000 implements MigrationInterface {
  name = 'CustomerSearch1796800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION tierwise_search_text(id text, name text, phone text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT lower(id || chr(31) || name || chr(31) || coalesce(phone, ''))
      $$`);
    await db.query(`
      CREATE TABLE customer_search (
        id   text PRIMARY KEY,
        text text NOT NULL,
        tier text
      )`);
    await db.query(`
      INSERT INTO customer_search (id, text, tier)
        SELECT c.id, tierwise_search_text(c.id, c.name, c.phone), a.tier
          FROM customers c LEFT JOIN tier_assignments a ON a.customer_id = c.id`);

    await db.query(`
      CREATE FUNCTION tierwise_search_customers_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO customer_search (id, text) SELECT id, tierwise_search_text(id, name, phone) FROM added;
        RETURN NULL;
      END
      $$`);
    await db.query(`
      CREATE FUNCTION tierwise_search_customers_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM customer_search s USING removed r WHERE s.id = r.id;
        RETURN NULL;
      END
      $$`);
    await db.query(`
      CREATE FUNCTION tierwise_customers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${factCellsOf(`${factCell('facts', '')} FROM added UNION ALL ${factCell('facts', '-')} FROM removed`)};
        PERFORM 1 FROM tier_assignments g JOIN added a ON a.id = g.customer_id
          WHERE g.dashboard_value IS DISTINCT FROM tierwise_dashboard_value(a.facts)
             OR EXISTS (SELECT 1 FROM removed r
                         WHERE r.id = a.id AND tierwise_search_text(r.id, r.name, r.phone) <> tierwise_search_text(a.id, a.name, a.phone))
          ORDER BY g.customer_id FOR NO KEY UPDATE OF g;
        UPDATE tier_assignments g SET dashboard_value = tierwise_dashboard_value(a.facts) FROM added a
         WHERE a.id = g.customer_id AND g.dashboard_value IS DISTINCT FROM tierwise_dashboard_value(a.facts);
        UPDATE customer_search s SET text = changed.text
          FROM (SELECT a.id, tierwise_search_text(a.id, a.name, a.phone) AS text FROM added a JOIN removed r ON r.id = a.id
                 WHERE tierwise_search_text(r.id, r.name, r.phone) <> tierwise_search_text(a.id, a.name, a.phone)) changed
         WHERE s.id = changed.id;
        RETURN NULL;
      END
      $$`);
    await db.query(`
      CREATE FUNCTION tierwise_search_grades_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE customer_search s SET tier = a.tier FROM added a WHERE s.id = a.customer_id AND a.tier IS NOT NULL;
        RETURN NULL;
      END
      $$`);
    // A re-grade rewrites every decision; only a changed tier is written here.
    await db.query(`
      CREATE FUNCTION tierwise_search_grades_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE customer_search s SET tier = a.tier FROM added a JOIN removed r USING (customer_id)
         WHERE s.id = a.customer_id AND a.tier IS DISTINCT FROM r.tier;
        RETURN NULL;
      END
      $$`);
    await db.query(`
      CREATE FUNCTION tierwise_search_grades_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE customer_search s SET tier = NULL FROM removed r WHERE s.id = r.customer_id AND r.tier IS NOT NULL;
        RETURN NULL;
      END
      $$`);
    // TRUNCATE locks its table exclusively (customers cascades to tier_assignments).
    await db.query(`
      CREATE FUNCTION tierwise_search_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'customers' THEN
          DELETE FROM customer_search;
        ELSE
          UPDATE customer_search SET tier = NULL WHERE tier IS NOT NULL;
        END IF;
        RETURN NULL;
      END
      $$`);

    await db.query(`DROP TRIGGER customers_dashboard_update ON customers`);
    for (const [table, event, referencing, fn] of STATEMENT_TRIGGERS) {
      await db.query(`
        CREATE TRIGGER ${table}_search_${event.toLowerCase()} AFTER ${event} ON ${table}
          REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
    for (const table of ['customers', 'tier_assignments']) {
      await db.query(`
        CREATE TRIGGER ${table}_search_truncate AFTER TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION tierwise_search_truncated()`);
    }

    // The trigram index serves q; without pg_trgm q still works, unindexed. The trigram indexes
    // on customers (1796500000000) served the old q alone: they go, and stop costing every write.
    if (await trigramsAvailable(db)) {
      await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
      await db.query(`CREATE INDEX customer_search_text_trgm ON customer_search USING gin (text gin_trgm_ops)`);
    }
    await db.query(`DROP INDEX IF EXISTS customers_name_trgm`);
    await db.query(`DROP INDEX IF EXISTS customers_id_trgm`);
  }

  async down(db: QueryRunner): Promise<void> {
    if (await trigramsAvailable(db)) {
      await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
      await db.query(`CREATE INDEX customers_name_trgm ON customers USING gin (name gin_trgm_ops)`);
      await db.query(`CREATE INDEX customers_id_trgm ON customers USING gin (id gin_trgm_ops)`);
    }
    for (const table of ['customers', 'tier_assignments']) await db.query(`DROP TRIGGER ${table}_search_truncate ON ${table}`);
    for (const [table, event] of STATEMENT_TRIGGERS) await db.query(`DROP TRIGGER ${table}_search_${event.toLowerCase()} ON ${table}`);
    await db.query(`
      CREATE TRIGGER customers_dashboard_update AFTER UPDATE ON customers
        REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tierwise_dashboard_facts_changed()`);
    for (const fn of [
      'tierwise_search_truncated',
      'tierwise_search_grades_removed',
      'tierwise_search_grades_changed',
      'tierwise_search_grades_added',
      'tierwise_customers_changed',
      'tierwise_search_customers_removed',
      'tierwise_search_customers_added',
    ]) {
      await db.query(`DROP FUNCTION ${fn}()`);
    }
    await db.query(`DROP TABLE customer_search`);
    await db.query(`DROP FUNCTION tierwise_search_text(text, text, text)`);
  }
}

// customers UPDATE is named for what it does beside search: the dashboard's work of 1796700000000 too.
const STATEMENT_TRIGGERS: readonly [table: string, event: string, referencing: string, fn: string][] = [
  ['customers', 'INSERT', 'NEW TABLE AS added', 'tierwise_search_customers_added'],
  ['customers', 'UPDATE', 'OLD TABLE AS removed NEW TABLE AS added', 'tierwise_customers_changed'],
  ['customers', 'DELETE', 'OLD TABLE AS removed', 'tierwise_search_customers_removed'],
  ['tier_assignments', 'INSERT', 'NEW TABLE AS added', 'tierwise_search_grades_added'],
  ['tier_assignments', 'UPDATE', 'OLD TABLE AS removed NEW TABLE AS added', 'tierwise_search_grades_changed'],
  ['tier_assignments', 'DELETE', 'OLD TABLE AS removed', 'tierwise_search_grades_removed'],
];

// Copied from 1796700000000, not imported, so this migration never changes with it.
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

async function trigramsAvailable(db: QueryRunner): Promise<boolean> {
  const rows = (await db.query(`SELECT count(*)::int AS n FROM pg_available_extensions WHERE name = 'pg_trgm'`)) as { n: number }[];
  return rows[0]!.n > 0;
}
