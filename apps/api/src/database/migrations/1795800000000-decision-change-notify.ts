import type { MigrationInterface, QueryRunner } from 'typeorm';

// Every committed change to tier_assignments is announced on channel
// 'tierwise_decisions', whoever makes it (any api instance, a re-grade, psql),
// so each instance's in-memory decision cache can drop what it holds.
// Statement-level triggers with transition tables: one notification per
// statement, naming up to 50 customers (space-separated; ids have no spaces
// and are at most 128 characters, well under the 8000-byte payload limit) or
// '*' for more, so a re-grade of 100,000 customers costs one notification,
// not 100,000. PostgreSQL delivers them only when the transaction commits.
export class DecisionChangeNotify1795800000000 implements MigrationInterface {
  name = 'DecisionChangeNotify1795800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION tierwise_decisions_changed() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        payload text;
      BEGIN
        SELECT CASE WHEN count(*) <= 50 THEN string_agg(customer_id, ' ') ELSE '*' END INTO payload FROM changed;
        IF payload IS NOT NULL THEN
          PERFORM pg_notify('tierwise_decisions', payload);
        END IF;
        RETURN NULL;
      END
      $$`);
    await db.query(`
      CREATE FUNCTION tierwise_decisions_truncated() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('tierwise_decisions', '*');
        RETURN NULL;
      END
      $$`);
    await db.query(`
      CREATE TRIGGER tier_assignments_notify_insert AFTER INSERT ON tier_assignments
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION tierwise_decisions_changed()`);
    await db.query(`
      CREATE TRIGGER tier_assignments_notify_update AFTER UPDATE ON tier_assignments
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION tierwise_decisions_changed()`);
    await db.query(`
      CREATE TRIGGER tier_assignments_notify_delete AFTER DELETE ON tier_assignments
        REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION tierwise_decisions_changed()`);
    await db.query(`
      CREATE TRIGGER tier_assignments_notify_truncate AFTER TRUNCATE ON tier_assignments
        FOR EACH STATEMENT EXECUTE FUNCTION tierwise_decisions_truncated()`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete', 'truncate']) {
      await db.query(`DROP TRIGGER tier_assignments_notify_${event} ON tier_assignments`);
    }
    await db.query(`DROP FUNCTION tierwise_decisions_truncated()`);
    await db.query(`DROP FUNCTION tierwise_decisions_changed()`);
  }
}
