import { Redis } from 'ioredis';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { INestApplicationContext } from '@nestjs/common';
import { jobKeyPrefix } from '../src/jobs/job-key-prefix.js';
import { JobQueue } from '../src/jobs/job-queue.js';
import { RUN_CHUNK_SIZE } from '../src/grading/runs/run-chunk-size.js';
import { createWorker } from '../src/worker.factory.js';
import { waitForRun, type RunBody } from './support/grading-runs.js';
import { call, draftOf, seedDocument, withTierAThreshold, type PolicyDocument } from './support/policies-helpers.js';
import { startTestApp, testConfig, type TestApp } from './support/test-app.js';
import { buildWorkerDist, startWorkerProcess, workerStarted, type WorkerProcess } from './support/worker-process.js';

// Issue 8: grading runs on Bull with real Redis and workers that are separate from the api:
// in this process (createWorker, as dist/worker.js does) and as real processes killed with SIGKILL.

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
// Lost jobs noticed in seconds rather than a minute, so a killed worker's chunk comes back quickly.
const TIMINGS = { lockDurationMs: 2000, stalledIntervalMs: 1000, sweepIntervalMs: 500, staleAfterMs: 1500 };
// Three chunks: the last one is where a chunk gets stopped half-way.
const POPULATION = 2 * RUN_CHUNK_SIZE + 1000;

describe('grading runs on Bull and Redis, worked by separate workers', () => {
  let t: TestApp;
  let seed: PolicyDocument;
  let threshold = 75;
  const workers: INestApplicationContext[] = [];
  const processes: WorkerProcess[] = [];
  let dist: string;

  beforeAll(async () => {
    [t, dist] = await Promise.all([
      startTestApp({ redisUrl: REDIS_URL, demoCustomers: POPULATION, jobTimings: TIMINGS }),
      buildWorkerDist('grading-runs-workers'),
    ]);
    seed = await seedDocument(t);
  }, 240_000);
  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.close();
    for (const worker of processes.splice(0)) {
      worker.child.kill('SIGKILL');
      await worker.exited;
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const config = () => testConfig({ kind: 'postgres', url: t.db.url }, { redisUrl: REDIS_URL, jobTimings: TIMINGS });
  async function startWorker(): Promise<INestApplicationContext> {
    const worker = await createWorker(config(), pino({ level: 'silent' }));
    workers.push(worker);
    return worker;
  }

  /** Publishes a version that moves the customers between 75 and 80 points; returns the run id. */
  async function publishMovingTierA(): Promise<number> {
    threshold = threshold === 75 ? 80 : 75;
    const draft = await draftOf(t, withTierAThreshold(seed, threshold));
    const response = await call(t, 'publisher', 'POST', `/api/v1/policies/default/versions/${draft.version}/publish`, {});
    expect(response.statusCode).toBe(200);
    return response.json<{ gradingRun: { id: number } }>().gradingRun.id;
  }

  /** Every customer's tier now, kept in a table to compare with after the run. */
  async function snapshotTiers(): Promise<string> {
    const table = `tiers_before_${Date.now()}`;
    await t.db.sql(`CREATE TABLE ${table} AS SELECT customer_id, tier FROM tier_assignments`);
    return table;
  }

  /** Checked in SQL: exactly one history row of the run per customer whose tier changed, none for the others. */
  async function expectExactlyOnce(run: RunBody, before: string): Promise<void> {
    const [counts] = await t.db.sql<{ moved: number; rows: number; duplicated: number; missing: number; stale: number }>(
      `SELECT
         (SELECT count(*)::int FROM ${before} s JOIN tier_assignments a USING (customer_id) WHERE s.tier IS DISTINCT FROM a.tier) AS moved,
         (SELECT count(*)::int FROM tier_history WHERE run_id = $1) AS rows,
         (SELECT count(*)::int FROM (SELECT customer_id FROM tier_history WHERE run_id = $1 GROUP BY 1 HAVING count(*) > 1) d) AS duplicated,
         (SELECT count(*)::int FROM ${before} s JOIN tier_assignments a USING (customer_id)
           WHERE s.tier IS DISTINCT FROM a.tier AND NOT EXISTS (
             SELECT 1 FROM tier_history h WHERE h.run_id = $1 AND h.customer_id = s.customer_id
                AND h.previous_tier IS NOT DISTINCT FROM s.tier AND h.new_tier IS NOT DISTINCT FROM a.tier)) AS missing,
         (SELECT count(*)::int FROM tier_assignments WHERE policy_version <> $2) AS stale`,
      [run.id, run.policy.version],
    );
    expect(counts!.moved).toBeGreaterThan(0);
    expect(counts).toEqual({ moved: run.changed, rows: run.changed, duplicated: 0, missing: 0, stale: 0 });
  }

  async function waitForLockWaits(count: number): Promise<void> {
    for (;;) {
      const [row] = await t.db.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (row!.n >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /**
   * Holds the decision of a customer half-way through each of the first two chunks: a worker
   * (two jobs at a time) stops in both, half-way through their transactions, and the third
   * chunk's job waits in Redis.
   */
  async function blockFirstTwoChunks(): Promise<pg.Client> {
    const ids = await t.db.sql<{ id: string }>(
      `SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM customers) c WHERE n IN ($1, $2)`,
      [RUN_CHUNK_SIZE / 2, RUN_CHUNK_SIZE + RUN_CHUNK_SIZE / 2],
    );
    const blocker = new pg.Client({ connectionString: t.db.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT 1 FROM tier_assignments WHERE customer_id = ANY($1) FOR UPDATE', [ids.map((row) => row.id)]);
    return blocker;
  }

  it('runs a publication end to end on a worker, with progress, and registers the monthly schedule', async () => {
    const api = t.app.get(JobQueue);
    const before = await snapshotTiers();
    const runId = await publishMovingTierA();
    // The api only queues: with no worker the run waits.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await waitForRunStatus(runId)).status).toBe('queued');

    const worker = await startWorker();
    expect(await worker.get(JobQueue).schedules()).toContainEqual({ key: 'grading-schedule-default', cron: '0 2 1 * *' });
    expect(await api.schedules()).toContainEqual({ key: 'grading-schedule-default', cron: '0 2 1 * *' });
    const seen: number[] = [];
    let run: RunBody;
    do {
      run = await waitForRunStatus(runId);
      seen.push(run.evaluated);
    } while (run.status === 'queued' || run.status === 'running');
    expect(run).toMatchObject({ status: 'succeeded', total: POPULATION, evaluated: POPULATION, failed: 0, cause: 'publish' });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(Object.values(run.tiers.before).reduce((sum, n) => sum + n, 0)).toBe(POPULATION);
    await expectExactlyOnce(run, before);
  });

  it('retries a chunk whose transaction failed, and the retry writes each row once', async () => {
    await startWorker();
    // The first statement that adds tier history fails once: its chunk rolls back and Bull delivers it again.
    await t.db.sql(`CREATE SEQUENCE fail_once`);
    await t.db.sql(`
      CREATE FUNCTION fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF nextval('fail_once') = 1 THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NULL; END $$`);
    await t.db.sql(`CREATE TRIGGER fail_once BEFORE INSERT ON tier_history FOR EACH STATEMENT EXECUTE FUNCTION fail_once()`);
    try {
      const before = await snapshotTiers();
      const run = await waitForRun(t, await publishMovingTierA());
      expect(run.status).toBe('succeeded');
      const [{ calls } = { calls: 0 }] = await t.db.sql<{ calls: number }>(`SELECT last_value::int AS calls FROM fail_once`);
      expect(calls).toBeGreaterThan(1);
      await expectExactlyOnce(run, before);
    } finally {
      await t.db.sql(`DROP TRIGGER fail_once ON tier_history`);
    }
  });

  it('finishes a run whose worker was SIGKILLed mid-chunk once another worker starts', async () => {
    const first = startWorkerProcess(dist, { DATABASE_URL: t.db.url, REDIS_URL }, TIMINGS);
    processes.push(first);
    await workerStarted(first);
    const before = await snapshotTiers();
    const blocker = await blockFirstTwoChunks();
    let runId: number;
    try {
      runId = await publishMovingTierA();
      await waitForLockWaits(2);
      first.child.kill('SIGKILL');
      await first.exited;
    } finally {
      // The killed worker's session gets the row, finds its client gone and rolls back.
      await blocker.query('COMMIT');
      await blocker.end();
    }
    const unfinished = await waitForRunStatus(runId);
    expect(unfinished.status).toBe('running');
    expect(unfinished.evaluated).toBeLessThan(POPULATION);

    const second = startWorkerProcess(dist, { DATABASE_URL: t.db.url, REDIS_URL }, TIMINGS);
    processes.push(second);
    await workerStarted(second);
    const run = await waitForRun(t, runId, 90_000);
    expect(run).toMatchObject({ status: 'succeeded', evaluated: POPULATION });
    await expectExactlyOnce(run, before);
  });

  it('finishes a run after Redis lost every job mid-run, from what PostgreSQL kept', async () => {
    await startWorker();
    const before = await snapshotTiers();
    const blocker = await blockFirstTwoChunks();
    let runId: number;
    const redis = new Redis(REDIS_URL);
    try {
      runId = await publishMovingTierA();
      await waitForLockWaits(2);
      // As a restarted Redis without persistence: this deployment's keys are gone, the chunk in hand too.
      const keys = await redis.keys(`${jobKeyPrefix(config().database)}:*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
    } finally {
      await blocker.query('COMMIT');
      await blocker.end();
      redis.disconnect();
    }
    // The two chunks in hand finish; the third's job is gone until the sweep finds the run idle.
    const stalled = await waitForChunksDone(runId, 2);
    expect(stalled.status).toBe('running');
    const run = await waitForRun(t, runId, 90_000);
    expect(run).toMatchObject({ status: 'succeeded', evaluated: POPULATION });
    await expectExactlyOnce(run, before);
  });

  it('lets a newer run of the policy supersede an unfinished one: they never overlap', async () => {
    const start = async () => (await call(t, 'publisher', 'POST', '/api/v1/grading-runs', {})).json<RunBody>().id;
    const older = await start();
    const newer = await start();
    await startWorker();
    expect(await waitForRun(t, newer)).toMatchObject({ status: 'succeeded', evaluated: POPULATION });
    expect(await waitForRun(t, older)).toMatchObject({
      status: 'failed',
      supersededBy: newer,
      error: expect.stringContaining(`superseded by run ${newer}`),
    });
  });

  async function waitForChunksDone(runId: number, count: number): Promise<RunBody> {
    for (;;) {
      const [row] = await t.db.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM grading_run_chunks WHERE run_id = $1 AND done_at IS NOT NULL`,
        [runId],
      );
      if (row!.n >= count) return waitForRunStatus(runId);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async function waitForRunStatus(id: number): Promise<RunBody> {
    const response = await call(t, 'auditor', 'GET', `/api/v1/grading-runs/${id}`);
    return response.json<RunBody>();
  }
});
