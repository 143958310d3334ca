import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written SQL: the same statements run on PostgreSQL and on embedded PGlite.
// Never edit once committed; add a new migration instead.
export class InitialSchema1795607065743 implements MigrationInterface {
  name = 'InitialSchema1795607065743';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE customers (
        id          text PRIMARY KEY,
        name        text NOT NULL,
        facts       jsonb NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        version     integer NOT NULL DEFAULT 1,
        CONSTRAINT customers_facts_object CHECK (jsonb_typeof(facts) = 'object')
      )`);
    await db.query(`CREATE INDEX customers_name_idx ON customers (name, id)`);

    await db.query(`
      CREATE TABLE policies (
        id          text PRIMARY KEY,
        name        jsonb NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE policy_versions (
        policy_id      text NOT NULL REFERENCES policies (id),
        version        integer NOT NULL CHECK (version > 0),
        -- A discarded draft is kept (never deleted) so its number is never handed out again.
        status         text NOT NULL CHECK (status IN ('draft', 'published', 'superseded', 'discarded')),
        document       jsonb NOT NULL,
        hash           text,
        lint_findings  jsonb NOT NULL DEFAULT '[]',
        -- Bumped by every save of a draft: the optimistic-concurrency token (ETag) of an edit.
        revision       integer NOT NULL DEFAULT 1 CHECK (revision > 0),
        -- Where the draft came from: the version it copies (a copy, a rollback), if any,
        -- and the version that was in force when it was started (what its author saw).
        based_on       integer,
        base_version   integer,
        note           text,
        created_by     text NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_by     text NOT NULL,
        updated_at     timestamptz NOT NULL DEFAULT now(),
        published_by   text,
        published_at   timestamptz,
        superseded_at  timestamptz,
        PRIMARY KEY (policy_id, version),
        CONSTRAINT policy_versions_document_object CHECK (jsonb_typeof(document) = 'object'),
        -- Anything that was ever in force is pinned by its hash and publication time.
        CONSTRAINT policy_versions_released_pinned
          CHECK (status IN ('draft', 'discarded') OR (hash IS NOT NULL AND published_at IS NOT NULL)),
        CONSTRAINT policy_versions_superseded_dated
          CHECK ((status = 'superseded') = (superseded_at IS NOT NULL))
      )`);
    // A released version is what decisions and tier history point at: its rules,
    // hash and dates never change again, and it is never deleted. Only its status
    // may move on, published -> superseded. A discarded draft is frozen the same way.
    await db.query(`
      CREATE FUNCTION tierwise_policy_version_released() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'draft' AND (TG_OP = 'DELETE'
            OR NEW.document IS DISTINCT FROM OLD.document OR NEW.hash IS DISTINCT FROM OLD.hash
            OR NEW.published_at IS DISTINCT FROM OLD.published_at OR NEW.version <> OLD.version
            OR NEW.policy_id <> OLD.policy_id OR NEW.revision <> OLD.revision
            OR NOT (NEW.status = OLD.status OR (OLD.status = 'published' AND NEW.status = 'superseded'))) THEN
          RAISE EXCEPTION 'policy % v% is % and cannot be changed (%)', OLD.policy_id, OLD.version, OLD.status, TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END
      $$`);
    await db.query(`
      CREATE TRIGGER policy_versions_released_immutable BEFORE UPDATE OR DELETE ON policy_versions
        FOR EACH ROW EXECUTE FUNCTION tierwise_policy_version_released()`);
    // At most one version of a policy is in force at a time.
    await db.query(`
      CREATE UNIQUE INDEX policy_versions_one_published
        ON policy_versions (policy_id) WHERE status = 'published'`);

    await db.query(`
      CREATE TABLE tier_assignments (
        customer_id     text PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
        decision        jsonb NOT NULL,
        tier            text,
        score           double precision,
        policy_id       text NOT NULL,
        policy_version  integer NOT NULL,
        policy_hash     text NOT NULL,
        cause           text NOT NULL CHECK (cause IN ('policy-publish', 'fact-change', 'manual-override', 'regrade')),
        graded_at       timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (policy_id, policy_version) REFERENCES policy_versions (policy_id, version)
      )`);
    await db.query(`CREATE INDEX tier_assignments_tier_idx ON tier_assignments (tier)`);

    // Append-only (trigger below). No ON DELETE CASCADE: a customer's grading
    // history outlives nothing it refers to.
    await db.query(`
      CREATE TABLE tier_history (
        id              bigserial PRIMARY KEY,
        customer_id     text NOT NULL REFERENCES customers (id),
        previous_tier   text,
        new_tier        text,
        score           double precision,
        policy_id       text NOT NULL,
        policy_version  integer NOT NULL,
        policy_hash     text NOT NULL,
        facts           jsonb NOT NULL,
        cause           text NOT NULL CHECK (cause IN ('policy-publish', 'fact-change', 'manual-override', 'regrade')),
        actor           text NOT NULL,
        at              timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (policy_id, policy_version) REFERENCES policy_versions (policy_id, version)
      )`);
    await db.query(`CREATE INDEX tier_history_customer_idx ON tier_history (customer_id, at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE audit_events (
        id          bigserial PRIMARY KEY,
        actor       text NOT NULL,
        action      text NOT NULL,
        target      text NOT NULL,
        summary     jsonb NOT NULL DEFAULT '{}',
        request_id  text,
        at          timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX audit_events_target_idx ON audit_events (target, at DESC)`);
    await db.query(`CREATE INDEX audit_events_at_idx ON audit_events (at DESC)`);

    // Auditors rely on these two tables never being rewritten, whatever the
    // application (or a console session) does: enforce it in the database.
    await db.query(`
      CREATE FUNCTION tierwise_forbid_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    for (const table of ['tier_history', 'audit_events']) {
      await db.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION tierwise_forbid_change()`);
      await db.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION tierwise_forbid_change()`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    // DROP TABLE is neither UPDATE, DELETE nor TRUNCATE, so the triggers let it pass.
    await db.query(`DROP TABLE audit_events`);
    await db.query(`DROP TABLE tier_history`);
    await db.query(`DROP FUNCTION tierwise_forbid_change()`);
    await db.query(`DROP TABLE tier_assignments`);
    await db.query(`DROP TABLE policy_versions`);
    await db.query(`DROP FUNCTION tierwise_policy_version_released()`);
    await db.query(`DROP TABLE policies`);
    await db.query(`DROP TABLE customers`);
  }
}
