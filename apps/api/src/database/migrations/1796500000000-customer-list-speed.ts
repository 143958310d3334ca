import type { MigrationInterface, QueryRunner } from 'typeorm';

// The console's customer list at 1,000,000 customers (issue 7): every page with its total
// in well under 100 ms of server time.
//
// 1. Exact totals without counting rows. customer_counts holds signed deltas per key
//    ('customers', 'graded', 'tier:<id>'), added by statement-level triggers on customers and
//    tier_assignments, so the total of the unfiltered and tier-filtered lists is a sum over a
//    few rows. Writers only INSERT here (never UPDATE a shared counter), so concurrent writes
//    never wait on each other; a reader folds the rows into one per key now and then
//    (customer-counts.ts), a DELETE ... RETURNING that only sees committed rows, so the sums
//    stay exact whatever runs beside it. A re-grade that changes no tier adds nothing.
// 2. Indexes fitting each sort of the list, with the customer id as tie-break (keyset order,
//    index-only scans for the deep pages): assignment columns sort nulls as the smallest
//    value (ASC NULLS FIRST), so one index serves both directions.
// 3. q (a substring of the name or id): trigram indexes when pg_trgm is available
//    (PostgreSQL's contrib; embedded PGlite loads it too). Without it q still works, unindexed.
// Never edit once committed; add a new migration instead.
export class CustomerListSpeed1796500000000 implements MigrationInterface {
  name = 'CustomerListSpeed1796500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE customer_counts (
        id   bigserial PRIMARY KEY,
        key  text NOT NULL,
        n    bigint NOT NULL
      )`);
    await db.query(`INSERT INTO customer_counts (key, n) SELECT 'customers', count(*) FROM customers`);
    await db.query(`INSERT INTO customer_counts (key, n) SELECT 'graded', count(*) FROM tier_assignments`);
    await db.query(`
      INSERT INTO customer_counts (key, n)
        SELECT 'tier:' || tier, count(*) FROM tier_assignments WHERE tier IS NOT NULL GROUP BY tier`);

    await db.query(`
      CREATE FUNCTION tierwise_count_customers_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO customer_counts (key, n) SELECT 'customers', count(*) FROM added HAVING count(*) > 0;
        RETURN NULL;
      END
      $$`);
    await db.query(`
      CREATE FUNCTION tierwise_count_customers_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO customer_counts (key, n) SELECT 'customers', -count(*) FROM removed HAVING count(*) > 0;
        RETURN NULL;
      END
      $$`);
    await db.query(`
      CREATE FUNCTION tierwise_count_grades_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO customer_counts (key, n)
          SELECT key, sum(n) FROM (
            SELECT 'graded' AS key, 1 AS n FROM added
            UNION ALL SELECT 'tier:' || tier, 1 FROM added WHERE tier IS NOT NULL
          ) delta GROUP BY key;
        RETURN NULL;
      END
      $$`);
    await db.query(`
      CREATE FUNCTION tierwise_count_grades_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO customer_counts (key, n)
          SELECT key, sum(n) FROM (
            SELECT 'tier:' || tier AS key, 1 AS n FROM added WHERE tier IS NOT NULL
            UNION ALL SELECT 'tier:' || tier, -1 FROM removed WHERE tier IS NOT NULL
          ) delta GROUP BY key HAVING sum(n) <> 0;
        RETURN NULL;
      END
      $$`);
    await db.query(`
      CREATE FUNCTION tierwise_count_grades_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO customer_counts (key, n)
          SELECT key, -sum(n) FROM (
            SELECT 'graded' AS key, 1 AS n FROM removed
            UNION ALL SELECT 'tier:' || tier, 1 FROM removed WHERE tier IS NOT NULL
          ) delta GROUP BY key;
        RETURN NULL;
      END
      $$`);
    // TRUNCATE locks the table exclusively: nothing else writes meanwhile, so its counts simply go.
    await db.query(`
      CREATE FUNCTION tierwise_count_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'customers' THEN
          DELETE FROM customer_counts WHERE key = 'customers';
        ELSE
          DELETE FROM customer_counts WHERE key = 'graded' OR key LIKE 'tier:%';
        END IF;
        RETURN NULL;
      END
      $$`);
    const triggers: [table: string, event: string, referencing: string, fn: string][] = [
      ['customers', 'INSERT', 'NEW TABLE AS added', 'tierwise_count_customers_added'],
      ['customers', 'DELETE', 'OLD TABLE AS removed', 'tierwise_count_customers_removed'],
      ['tier_assignments', 'INSERT', 'NEW TABLE AS added', 'tierwise_count_grades_added'],
      ['tier_assignments', 'UPDATE', 'OLD TABLE AS removed NEW TABLE AS added', 'tierwise_count_grades_changed'],
      ['tier_assignments', 'DELETE', 'OLD TABLE AS removed', 'tierwise_count_grades_removed'],
    ];
    for (const [table, event, referencing, fn] of triggers) {
      await db.query(`
        CREATE TRIGGER ${table}_count_${event.toLowerCase()} AFTER ${event} ON ${table}
          REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
    for (const table of ['customers', 'tier_assignments']) {
      await db.query(`
        CREATE TRIGGER ${table}_count_truncate AFTER TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION tierwise_count_truncated()`);
    }

    for (const [name, definition] of INDEXES) await db.query(`CREATE INDEX ${name} ON ${definition}`);
    // (tier, customer_id) below serves what this one did, and the tier filter's keyset order.
    await db.query(`DROP INDEX tier_assignments_tier_idx`);

    if (await trigramsAvailable(db)) {
      await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
      await db.query(`CREATE INDEX customers_name_trgm ON customers USING gin (name gin_trgm_ops)`);
      await db.query(`CREATE INDEX customers_id_trgm ON customers USING gin (id gin_trgm_ops)`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    // The extension stays: something else in the database may use it.
    await db.query(`DROP INDEX IF EXISTS customers_id_trgm`);
    await db.query(`DROP INDEX IF EXISTS customers_name_trgm`);
    await db.query(`CREATE INDEX tier_assignments_tier_idx ON tier_assignments (tier)`);
    for (const [name] of INDEXES) await db.query(`DROP INDEX ${name}`);
    for (const table of ['customers', 'tier_assignments']) await db.query(`DROP TRIGGER ${table}_count_truncate ON ${table}`);
    for (const event of ['insert', 'delete']) await db.query(`DROP TRIGGER customers_count_${event} ON customers`);
    for (const event of ['insert', 'update', 'delete']) await db.query(`DROP TRIGGER tier_assignments_count_${event} ON tier_assignments`);
    for (const fn of [
      'tierwise_count_truncated',
      'tierwise_count_grades_removed',
      'tierwise_count_grades_changed',
      'tierwise_count_grades_added',
      'tierwise_count_customers_removed',
      'tierwise_count_customers_added',
    ]) {
      await db.query(`DROP FUNCTION ${fn}()`);
    }
    await db.query(`DROP TABLE customer_counts`);
  }
}

// One per sort field of the list, each ending in the id (the tie-break). customers(name, id) exists already.
const INDEXES: readonly [name: string, definition: string][] = [
  ['customers_created_at_idx', 'customers (created_at, id)'],
  ['customers_updated_at_idx', 'customers (updated_at, id)'],
  ['customers_version_idx', 'customers (version, id)'],
  ['tier_assignments_tier_id_idx', 'tier_assignments (tier NULLS FIRST, customer_id)'],
  ['tier_assignments_score_idx', 'tier_assignments (score NULLS FIRST, customer_id)'],
  ['tier_assignments_tier_score_idx', 'tier_assignments (tier NULLS FIRST, score NULLS FIRST, customer_id)'],
  ['tier_assignments_graded_at_idx', 'tier_assignments (graded_at NULLS FIRST, customer_id)'],
  ['tier_assignments_policy_version_idx', 'tier_assignments (policy_version NULLS FIRST, customer_id)'],
];

async function trigramsAvailable(db: QueryRunner): Promise<boolean> {
  const rows = (await db.query(`SELECT count(*)::int AS n FROM pg_available_extensions WHERE name = 'pg_trgm'`)) as { n: number }[];
  return rows[0]!.n > 0;
}
