import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransactionRunner } from '../src/database/transaction-runner.js';
import { decide } from '../src/grading/decide.js';
import { GradingService } from '../src/grading/grading.service.js';
import { RUN_CHUNK_SIZE } from '../src/grading/runs/run-chunk-size.js';
import { ActivePolicyService } from '../src/policies/active-policy.service.js';
import { authHeaders } from './support/auth.js';
import { customerFactory } from './support/customer.factory.js';
import { waitForRun } from './support/grading-runs.js';
import { putCustomer } from './support/http.js';
import {
  call,
  draftOf,
  publish,
  seedDocument,
  storedDecision,
  withTierAThreshold,
  type PolicyDocument,
} from './support/policies-helpers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// More customers than one run chunk, so chunk boundaries are crossed.
const POPULATION = 2 * RUN_CHUNK_SIZE + 345;

describe('re-grading a population on publication (a grading run, in-process without Redis)', () => {
  let t: TestApp;
  let seed: PolicyDocument;
  beforeAll(async () => {
    t = await startTestApp({ demoCustomers: POPULATION });
    seed = await seedDocument(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function count(sql: string): Promise<number> {
    const rows = await t.db.sql<{ n: number }>(sql);
    return rows[0]!.n;
  }

  it('grades every stored customer exactly once with the new version, across chunks', async () => {
    const movers = await count(`SELECT count(*)::int AS n FROM tier_assignments WHERE tier = 'A' AND score < 80`);
    const before = await count('SELECT count(*)::int AS n FROM tier_history');
    expect(movers).toBeGreaterThan(0); // the demo population has customers between 75 and 80 points

    const draft = await draftOf(t, withTierAThreshold(seed, 80));
    const response = await publish(t, draft.version);
    expect(response.statusCode).toBe(200);
    const run = await waitForRun(t, response.json<{ gradingRun: { id: number } }>().gradingRun.id);
    expect(run).toMatchObject({ kind: 'grade', cause: 'publish', status: 'succeeded', total: POPULATION, evaluated: POPULATION });
    expect(run).toMatchObject({ changed: movers, failed: 0, policy: { id: 'default', version: draft.version } });
    expect(run.migration['A']!['B']).toBe(movers);
    expect(Object.values(run.tiers.after).reduce((sum, n) => sum + n, 0)).toBe(POPULATION);
    expect(run.tiers.after['A']).toBe(run.tiers.before['A']! - movers);

    const byVersion = await t.db.sql<{ policy_version: number; cause: string; n: number }>(
      'SELECT policy_version, cause, count(*)::int AS n FROM tier_assignments GROUP BY 1, 2',
    );
    expect(byVersion).toEqual([{ policy_version: draft.version, cause: 'policy-publish', n: POPULATION }]);
    const after = await count('SELECT count(*)::int AS n FROM tier_history');
    expect(after - before).toBe(movers);
    const wrong = await count(
      `SELECT count(*)::int AS n FROM tier_assignments WHERE (score >= 80 AND tier <> 'A') OR (score >= 75 AND score < 80 AND tier = 'A')`,
    );
    expect(wrong).toBe(0);
  });

  it('lets a customer saved while its chunk waits be graded with its new facts, never the facts the run read before', async () => {
    const admin = await authHeaders(t, 'admin');
    // Graded in the run's last chunk (its id sorts last): holding its decision's row stops the run there.
    const last = customerFactory({ id: `zz-race-${process.pid}`, tier: 'A' });
    expect((await putCustomer(t.app, last, admin)).statusCode).toBe(201);
    const draft = await draftOf(t, withTierAThreshold(seed, 90));

    const blocker = new pg.Client({ connectionString: t.db.url });
    await blocker.connect();
    let runId: number;
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT 1 FROM tier_assignments WHERE customer_id = $1 FOR UPDATE', [last.id]);
      // The publication itself returns at once: the version is in force, the run catches up.
      const published = await call(t, 'publisher', 'POST', `/api/v1/policies/default/versions/${draft.version}/publish`, {});
      expect(published.statusCode).toBe(200);
      runId = published.json<{ gradingRun: { id: number } }>().gradingRun.id;
      await waitForLockWaits(t, 1);
      // A save decided under the new version, waiting behind the same row as the run's chunk.
      const lowered = { ...last, facts: { ...last.facts, relationship: 10, strategicImportance: 8 } };
      const saving = putCustomer(t.app, lowered, admin);
      await waitForLockWaits(t, 2);
      await blocker.query('COMMIT');
      expect((await saving).statusCode).toBe(200);
    } finally {
      await blocker.end();
    }
    expect(await waitForRun(t, runId)).toMatchObject({ status: 'succeeded' });
    expect(await storedDecision(t, last.id)).toMatchObject({ tier: 'B', score: 78, policy: { version: draft.version } });
  });

  it('grades a customer saved with a version that was superseded meanwhile by the version in force', async () => {
    const customer = customerFactory({ tier: 'A', facts: { relationship: 10, strategicImportance: 8 } }); // 78 points
    expect((await putCustomer(t.app, customer, await authHeaders(t, 'admin'))).statusCode).toBe(201);
    const policies = t.app.get(ActivePolicyService);
    const stale = await policies.active();

    const draft = await draftOf(t, withTierAThreshold(seed, 85));
    expect((await publish(t, draft.version)).statusCode).toBe(200);

    // As if a customer save had decided with the old version just before the publication committed.
    const outcome = await t.app.get(TransactionRunner).run((manager) =>
      t.app.get(GradingService).record(manager, {
        customerId: customer.id,
        facts: customer.facts,
        decision: decide(stale, customer.id, { ...customer.facts, relationship: 20, strategicImportance: 20 }),
        policy: stale,
        cause: 'fact-change',
        actor: 'test',
      }),
    );
    expect(outcome.policy.version).toBe(draft.version);
    expect(outcome.decision.tier).toBe('B');
    expect(await storedDecision(t, customer.id)).toMatchObject({ tier: 'B', score: 78, policy: { version: draft.version } });
  });
});

/**
 * Waits until `count` sessions of the app's database wait for a lock (a condition, not a duration).
 * Asked outside the blocking transaction: pg_stat_activity is a snapshot per transaction.
 */
async function waitForLockWaits(t: TestApp, count: number): Promise<void> {
  for (;;) {
    const rows = await t.db.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'active' AND wait_event_type = 'Lock'`,
    );
    if (rows[0]!.n >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
