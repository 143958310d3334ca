import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue } from '../src/jobs/job-queue.js';
import { getRun, waitForRun, type RunBody } from './support/grading-runs.js';
import { call } from './support/policies-helpers.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Issue 8: grading runs in-process (REDIS_URL unset, the embedded default's mode), on a policy
// that ranks customers against each other, and what only the in-process queue does.

const ABC_PARETO = fileURLToPath(new URL('../../../rules/examples/abc-pareto/policy.json', import.meta.url));

// Annual profits and, by hand, what abc-pareto makes of them. Descending, the running total over
// the 990 in all: 600 -> 600/990 = 0.606 (A: within the first 80% of profit); the two 150s tie
// -> (600+300)/990 = 0.909 each (B: within 95%); 50 -> 950/990 = 0.960 (C); 30 -> 0.990 (C);
// 20 -> 1000/990 = 1.010 (C); -10 is loss-making (D, whatever its share). Ranks 1, 2, 2, 4, 5, 6, 7.
const PROFITS: Record<string, { profit: number; share: number; rank: number; tier: string }> = {
  'ABC-1': { profit: 600, share: 600 / 990, rank: 1, tier: 'A' },
  'ABC-2': { profit: 150, share: 900 / 990, rank: 2, tier: 'B' },
  'ABC-3': { profit: 150, share: 900 / 990, rank: 2, tier: 'B' },
  'ABC-4': { profit: 50, share: 950 / 990, rank: 4, tier: 'C' },
  'ABC-5': { profit: 30, share: 980 / 990, rank: 5, tier: 'C' },
  'ABC-6': { profit: 20, share: 1000 / 990, rank: 6, tier: 'C' },
  'ABC-7': { profit: -10, share: 990 / 990, rank: 7, tier: 'D' },
};

describe('grading runs in-process, on population facts computed in SQL', () => {
  let db: TestDatabase;
  let t: TestApp;
  let seedFolder: string;
  // The example as the grading policy (the first policy is always 'default').
  const start = () => startTestApp({ seedPolicyPath: seedFolder }, db);

  beforeAll(async () => {
    seedFolder = await mkdtemp(join(tmpdir(), 'tierwise-abc-'));
    const example = JSON.parse(await readFile(ABC_PARETO, 'utf8')) as Record<string, unknown>;
    await writeFile(join(seedFolder, 'policy.json'), JSON.stringify({ ...example, id: 'default' }));
    db = await createTestDatabase();
    t = await start();
    for (const [id, { profit }] of Object.entries(PROFITS)) {
      await t.db.sql(`INSERT INTO customers (id, name, facts) VALUES ($1, $1, $2)`, [id, JSON.stringify({ annualProfit: profit })]);
    }
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
    await rm(seedFolder, { recursive: true, force: true });
  });

  async function startRun(body: Record<string, unknown> = {}): Promise<number> {
    const response = await call(t, 'publisher', 'POST', '/api/v1/grading-runs', body);
    expect(response.statusCode).toBe(202);
    return response.json<RunBody>().id;
  }

  it('grades ABC on cumulative profit share: the population facts stored with the run match a hand count', async () => {
    const run = await waitForRun(t, await startRun());
    expect(run).toMatchObject({ status: 'succeeded', kind: 'grade', cause: 'manual', total: 7, evaluated: 7, changed: 7, failed: 0 });
    expect(run.tiers.after).toEqual({ A: 1, B: 2, C: 3, D: 1 });
    expect(run.migration).toEqual({ none: { A: 1, B: 2, C: 3, D: 1 } });
    expect(run.population).toMatchObject({
      profitShare: { of: 'annualProfit', measure: 'cumulativeShare', customers: 7, total: 990 },
      profitRank: { of: 'annualProfit', measure: 'rank', customers: 7, total: 990 },
    });
    const stored = await t.db.sql<{ customer_id: string; facts: { profitShare: number; profitRank: number }; tier: string }>(
      `SELECT p.customer_id, p.facts, a.tier FROM grading_run_population p JOIN tier_assignments a USING (customer_id)
        WHERE p.run_id = $1 ORDER BY 1`,
      [run.id],
    );
    expect(stored).toHaveLength(7);
    for (const row of stored) {
      const expected = PROFITS[row.customer_id]!;
      expect(row.facts.profitRank, row.customer_id).toBe(expected.rank);
      expect(row.facts.profitShare, row.customer_id).toBeCloseTo(expected.share, 12);
      expect(row.tier, row.customer_id).toBe(expected.tier);
    }
  });

  it('re-grades only the customers a filter picks, and rewrites no decision that would not change', async () => {
    const run = await waitForRun(t, await startRun({ filter: { tiers: ['B', 'D'] } }));
    expect(run).toMatchObject({ status: 'succeeded', total: 3, evaluated: 3, changed: 0, decisionsWritten: 0 });
    expect(run.migration).toEqual({ B: { B: 2 }, D: { D: 1 } });
  });

  it('lists the customers it could not grade, and grades the rest', async () => {
    await t.db.sql(`INSERT INTO customers (id, name, facts) VALUES ('ABC-BAD', 'No profit', '{"annualProfit": "a lot"}')`);
    const run = await waitForRun(t, await startRun());
    expect(run).toMatchObject({ status: 'succeeded', total: 8, evaluated: 7, failed: 1 });
    const failures = await call(t, 'auditor', 'GET', `/api/v1/grading-runs/${run.id}/failures`);
    expect(failures.json()).toEqual([{ customerId: 'ABC-BAD', reason: expect.stringContaining('/annualProfit') }]);
    await t.db.sql(`DELETE FROM customers WHERE id = 'ABC-BAD'`);
  });

  it('registers the monthly schedule in-process', async () => {
    expect(await t.app.get(JobQueue).schedules()).toContainEqual({ key: 'grading-schedule-default', cron: '0 2 1 * *' });
  });

  it('resumes at boot a run that a stopped process left unfinished', async () => {
    const [version] = await t.db.sql<{ version: number; hash: string }>(
      `SELECT version, hash FROM policy_versions WHERE policy_id = 'default' AND status = 'published'`,
    );
    const [left] = await t.db.sql<{ id: string }>(
      `INSERT INTO grading_runs (kind, cause, policy_id, policy_version, policy_hash, started_by)
       VALUES ('grade', 'manual', 'default', $1, $2, 'user:gone') RETURNING id::int AS id`,
      [version!.version, version!.hash],
    );
    await t.close();
    t = await start();
    const run = await waitForRun(t, Number(left!.id));
    expect(run).toMatchObject({ status: 'succeeded', evaluated: 7, startedBy: 'user:gone' });
    expect((await getRun(t, Number(left!.id))).finishedAt).not.toBeNull();
  });
});
