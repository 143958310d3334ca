import type { MigrationInterface, QueryRunner } from 'typeorm';

// Grading runs (issue 8): a re-grade or a simulation of the population under one policy version,
// done by chunk jobs on Bull (or in-process without Redis). Redis keeps nothing durable, so
// everything a run must not lose lives here: the run, its chunks (key ranges, each done exactly
// once: a chunk's decisions, history rows and its own row commit in one transaction), the
// customers that could not be graded, and the population facts computed for it in SQL.
// tier_history.run_id names the run that wrote a row, so a run's rows can be replayed together.
// Never edit once committed; add a new migration instead.
export class GradingRuns1797100000000 implements MigrationInterface {
  name = 'GradingRuns1797100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE grading_runs (
        id              bigserial PRIMARY KEY,
        kind            text NOT NULL CHECK (kind IN ('grade', 'simulation')),
        cause           text NOT NULL CHECK (cause IN ('publish', 'rollback', 'schedule', 'manual')),
        status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        policy_id       text NOT NULL,
        policy_version  integer NOT NULL,
        policy_hash     text,
        filter          jsonb,
        total           integer,
        population      jsonb,
        summary         jsonb,
        error           text,
        superseded_by   bigint REFERENCES grading_runs (id),
        started_by      text NOT NULL,
        started_at      timestamptz NOT NULL DEFAULT now(),
        finished_at     timestamptz,
        progressed_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX grading_runs_unfinished ON grading_runs (policy_id, kind) WHERE status IN ('queued', 'running')`);
    await db.query(`CREATE INDEX grading_runs_started ON grading_runs (started_at DESC, id DESC)`);
    await db.query(`
      CREATE TABLE grading_run_chunks (
        run_id      bigint NOT NULL REFERENCES grading_runs (id) ON DELETE CASCADE,
        chunk       integer NOT NULL,
        first_id    text NOT NULL,
        -- Exclusive; null for the last chunk, which also takes customers added after planning.
        next_id     text,
        done_at     timestamptz,
        tally       jsonb,
        PRIMARY KEY (run_id, chunk)
      )`);
    await db.query(`
      CREATE TABLE grading_run_failures (
        run_id       bigint NOT NULL REFERENCES grading_runs (id) ON DELETE CASCADE,
        customer_id  text NOT NULL,
        reason       text NOT NULL,
        PRIMARY KEY (run_id, customer_id)
      )`);
    await db.query(`
      CREATE TABLE grading_run_population (
        run_id       bigint NOT NULL REFERENCES grading_runs (id) ON DELETE CASCADE,
        customer_id  text NOT NULL,
        facts        jsonb NOT NULL,
        PRIMARY KEY (run_id, customer_id)
      )`);
    await db.query(`ALTER TABLE tier_history ADD COLUMN run_id bigint`);
    await db.query(`CREATE INDEX tier_history_run ON tier_history (run_id, id) WHERE run_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX tier_history_run`);
    await db.query(`ALTER TABLE tier_history DROP COLUMN run_id`);
    await db.query(`DROP TABLE grading_run_population`);
    await db.query(`DROP TABLE grading_run_failures`);
    await db.query(`DROP TABLE grading_run_chunks`);
    await db.query(`DROP TABLE grading_runs`);
  }
}
