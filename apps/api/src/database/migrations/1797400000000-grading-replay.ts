import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SERVING_ROLE } from '../serving-role.js';

// Downgrade protection and replay (issue 8, points 5 and 6).
// - tier_assignments.standing: where the customer stands after its last grading (the policy
//   package's Standing), passed to the next grading.
// - tier_history.inputs / protection: what the evaluation was given besides the facts and the
//   version ({ at, standing?, tierOverride?, populationFacts? }) and the protection that held, so a
//   row can be replayed. Rows written before this migration have neither.
// - decision_log: append-only, one row per stored decision change (no decision: it is
//   re-evaluated from the facts, the inputs and the version), for "the decision in force at".
//   Its facts and inputs are json, kept as the grading wrote them: a run writes a row for every
//   decision it changes, and json costs that statement a fraction of what building jsonb does.
// Existing data is carried over as well as it can be: each graded customer's standing starts in
// its tier since its last tier change, and its current decision is logged as made at graded_at
// from its current facts (which every writer grades at once) and tier set by hand; decisions of a
// policy with population facts are not logged, as the facts they were ranked on are not kept.
// Never edit once committed; add a new migration instead.
export class GradingReplay1797400000000 implements MigrationInterface {
  name = 'GradingReplay1797400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tier_assignments ADD COLUMN standing jsonb`);
    // Adding columns rewrites no row: the append-only triggers are not involved.
    await db.query(`ALTER TABLE tier_history ADD COLUMN inputs jsonb, ADD COLUMN protection jsonb`);
    // No foreign key to customers: its check would share-lock the customer's row from a grading run's
    // chunk, which holds decisions locked while a save holds the customer and waits for its decision
    // (a deadlock). Every row is written beside its customer's tier_assignments row, which has one.
    await db.query(`
      CREATE TABLE decision_log (
        id              bigserial PRIMARY KEY,
        customer_id     text NOT NULL,
        at              timestamptz NOT NULL,
        policy_id       text NOT NULL,
        policy_version  integer NOT NULL,
        policy_hash     text NOT NULL,
        facts           json NOT NULL,
        inputs          json NOT NULL,
        cause           text NOT NULL CHECK (cause IN ('policy-publish', 'fact-change', 'manual-override', 'regrade')),
        run_id          bigint,
        FOREIGN KEY (policy_id, policy_version) REFERENCES policy_versions (policy_id, version)
      )`);
    await db.query(`CREATE INDEX decision_log_customer_at ON decision_log (customer_id, at DESC, id DESC)`);
    // Append-only, as tier_history (tierwise_forbid_change is the initial schema's).
    await db.query(`
      CREATE TRIGGER decision_log_append_only BEFORE UPDATE OR DELETE ON decision_log
        FOR EACH ROW EXECUTE FUNCTION tierwise_forbid_change()`);
    await db.query(`
      CREATE TRIGGER decision_log_no_truncate BEFORE TRUNCATE ON decision_log
        FOR EACH STATEMENT EXECUTE FUNCTION tierwise_forbid_change()`);
    // Default privileges (migration 1796300000000) granted the serving role every DML right on it.
    if (!(await isEmbedded(db))) await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON decision_log FROM ${SERVING_ROLE}`);

    await db.query(`
      UPDATE tier_assignments a SET standing = jsonb_build_object(
        'tier', a.tier,
        'since', ${iso(`coalesce(
          (SELECT h.at FROM tier_history h WHERE h.customer_id = a.customer_id ORDER BY h.at DESC, h.id DESC LIMIT 1),
          a.graded_at)`)},
        'below', NULL)`);
    await db.query(`
      INSERT INTO decision_log (customer_id, at, policy_id, policy_version, policy_hash, facts, inputs, cause)
      SELECT a.customer_id, a.graded_at, a.policy_id, a.policy_version, a.policy_hash, c.facts::json,
             (jsonb_build_object('at', ${iso('a.graded_at')})
               || CASE WHEN c.tier_override IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('tierOverride',
                    jsonb_build_object('tier', c.tier_override ->> 'tier', 'reason', c.tier_override ->> 'reason')) END)::json,
             a.cause
        FROM tier_assignments a
        JOIN customers c ON c.id = a.customer_id
        JOIN policy_versions v ON v.policy_id = a.policy_id AND v.version = a.policy_version
       WHERE coalesce(v.document -> 'population', '{}'::jsonb) = '{}'::jsonb
       ORDER BY a.customer_id`);
  }

  async down(db: QueryRunner): Promise<void> {
    // DROP TABLE is neither UPDATE, DELETE nor TRUNCATE, so the triggers let it pass.
    await db.query(`DROP TABLE decision_log`);
    await db.query(`ALTER TABLE tier_history DROP COLUMN protection, DROP COLUMN inputs`);
    await db.query(`ALTER TABLE tier_assignments DROP COLUMN standing`);
  }
}

// A timestamp as the api writes one (Date.prototype.toISOString: UTC, milliseconds).
function iso(expression: string): string {
  return `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

async function isEmbedded(db: QueryRunner): Promise<boolean> {
  const rows = (await db.query(`SELECT version() LIKE '%PGlite%' AS embedded`)) as { embedded: boolean }[];
  return rows[0]!.embedded;
}
