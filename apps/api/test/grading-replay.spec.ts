import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVING_ROLE } from '../src/database/serving-role.js';
import { authHeaders } from './support/auth.js';
import { customerFacts, customerFactory } from './support/customer.factory.js';
import { errorPaths } from './support/http.js';
import { jsonl, postImport } from './support/import.js';
import { OpenApiContract } from './support/openapi-contract.js';
import { call, draftOf, publish, seedDocument, withTierAThreshold } from './support/policies-helpers.js';
import { waitForRun } from './support/grading-runs.js';
import { protectionSeed, startProtectionApp, type ProtectionApp, type StoredDecision } from './support/protection-app.js';
import { startEmbeddedTestApp, startTestApp, type TestApp } from './support/test-app.js';

// Issue 8 point 6: the decision in force at a past moment (GET /customers/{id}/decision?asOf=),
// evaluated again from decision_log, and a tier history row evaluated again from its stored facts,
// inputs and version (POST /tier-history/{id}/replay), whose `identical` must always be true.
// The grading policy is rules/examples/downgrade-protection, so standings and protection are part
// of what is replayed.

interface Replay {
  identical: boolean;
  stored: { tier: string | null; score: number | null; protection: unknown };
  replayed: { tier: string | null; score: number | null; protection: unknown; decision?: StoredDecision; errors?: unknown[] };
}

const MS = 1;
const shifted = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();
// Two gradings a few milliseconds apart, so an instant between them exists at millisecond precision.
const apart = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('as-of replay and tier history replay', () => {
  let t: ProtectionApp;

  beforeAll(async () => {
    t = await startProtectionApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const asOf = (id: string, at: string | undefined, role: 'agent' | 'auditor' = 'auditor') =>
    call(t, role, 'GET', `/api/v1/customers/${id}/decision${at === undefined ? '' : `?asOf=${encodeURIComponent(at)}`}`);
  const replay = (id: string | number) => call(t, 'auditor', 'POST', `/api/v1/tier-history/${id}/replay`);

  describe('GET /customers/{id}/decision?asOf=', () => {
    it('answers the decision in force at each instant: none before the first grading, then each from its gradedAt on', async () => {
      const id = 'ASOF-1';
      const first = await t.grade(id, 'A');
      await apart();
      const kept = await t.grade(id, 'B'); // held in A: its minimum time there
      expect(kept).toMatchObject({ tier: 'A', protection: { ruledTier: 'B' } });
      await t.backdate(id, 100, { count: 1, days: 1 });
      await apart();
      const fallen = await t.grade(id, 'B');
      expect(fallen.tier).toBe('B');

      const before = await asOf(id, shifted(first.gradedAt, -MS));
      expect(before.statusCode).toBe(404);
      expect(before.json()).toMatchObject({ code: 'decision-not-found' });
      for (const [at, expected] of [
        [first.gradedAt, first],
        [shifted(kept.gradedAt, -MS), first],
        [kept.gradedAt, kept],
        [shifted(fallen.gradedAt, -MS), kept],
        [fallen.gradedAt, fallen],
        ['2999-01-01T00:00:00Z', fallen],
      ] as const) {
        const answer = await asOf(id, at);
        expect(answer.statusCode, at).toBe(200);
        // The whole decision as it was served then: explanation, treatments, protection, gradedAt and cause.
        expect(answer.json(), at).toEqual(expected);
      }
      // Without asOf: the stored decision, as GET /decisions/{id} serves it, to the byte.
      const now = await asOf(id, undefined);
      expect(now.body).toBe((await call(t, 'agent', 'GET', `/api/v1/decisions/${id}`)).body);
      // The same instant in another time zone, with + sent as %2B or raw (which a query string reads as a space).
      const beijing = `${new Date(new Date(first.gradedAt).getTime() + 8 * 3_600_000).toISOString().slice(0, -1)}+08:00`;
      expect((await asOf(id, beijing)).json()).toEqual(first);
      const raw = await call(t, 'auditor', 'GET', `/api/v1/customers/${id}/decision?asOf=${beijing}`);
      expect(raw.json()).toEqual(first);
    });

    it('answers for a customer graded by a run and by an import, and to every role that reads decisions', async () => {
      const id = 'ASOF-2';
      const saved = await t.grade(id, 'C');
      await apart();
      await t.db.sql('UPDATE customers SET facts = $2 WHERE id = $1', [id, JSON.stringify(customerFacts('B'))]);
      await t.regrade([id]);
      const regraded = await t.decision(id);
      expect(regraded).toMatchObject({ tier: 'B', cause: 'regrade' });
      await apart();
      const admin = await authHeaders(t, 'admin');
      const imported = await postImport(t, 'application/x-ndjson', jsonl([{ id, name: id, facts: customerFacts('A') }]), admin);
      expect(imported.statusCode).toBe(200);
      const latest = await t.decision(id);
      expect(latest).toMatchObject({ tier: 'A', cause: 'fact-change' });

      expect((await asOf(id, shifted(regraded.gradedAt, -MS), 'agent')).json()).toEqual(saved);
      expect((await asOf(id, regraded.gradedAt, 'agent')).json()).toEqual(regraded);
      expect((await asOf(id, shifted(latest.gradedAt, -MS))).json()).toEqual(regraded);
      expect((await asOf(id, latest.gradedAt)).json()).toEqual(latest);
    });

    it('answers 404 for an unknown customer, and 400 for a time or a parameter it cannot read', async () => {
      expect((await asOf('NOPE-9', '2026-01-01T00:00:00Z')).json()).toMatchObject({ code: 'customer-not-found' });
      for (const bad of ['yesterday', '2026-03-01', '2026-02-30T00:00:00Z', '2026-03-01T09:30:00']) {
        const answer = await asOf('ASOF-1', bad);
        expect(answer.statusCode, bad).toBe(400);
        expect(errorPaths(answer), bad).toEqual(['/query/asOf']);
      }
      const unknown = await call(t, 'auditor', 'GET', '/api/v1/customers/ASOF-1/decision?at=2026-01-01T00:00:00Z');
      expect(unknown.statusCode).toBe(400);
      expect(errorPaths(unknown)).toEqual(['/query/at']);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/customers/ASOF-1/decision' })).statusCode).toBe(401);
    });
  });

  it('answers what the OpenAPI document says: protection, standings and replays included', async () => {
    const raw = (await t.app.inject({ method: 'GET', url: '/api/docs-json' })).json<Record<string, unknown>>();
    const contract = await OpenApiContract.load(t.app, raw);
    const auditor = await authHeaders(t, 'auditor');
    const id = 'ASOF-1';
    const kept = (await t.history(id)).at(-1)!;
    const at = encodeURIComponent(shifted(kept.at.toISOString(), -MS));
    const held = await contract.call('GET /api/v1/customers/{id}/decision', `/api/v1/customers/${id}/decision?asOf=${at}`, {
      headers: auditor,
    });
    expect(held.json()).toMatchObject({ protection: { keptTier: 'A' } });
    expect((await contract.call('GET /api/v1/tier-history', '/api/v1/tier-history', { headers: auditor })).statusCode).toBe(200);
    const replayed = await contract.call('POST /api/v1/tier-history/{id}/replay', `/api/v1/tier-history/${kept.id}/replay`, {
      headers: auditor,
    });
    expect(replayed.json()).toMatchObject({ identical: true });
  });

  describe('POST /tier-history/{id}/replay', () => {
    it('replays identically every history row: a run moving many customers, fact changes, overrides, imports and protection', async () => {
      const admin = await authHeaders(t, 'admin');
      // Score 80: A now; B under the version published below (A >= 90).
      const eighty = { strength: 10, growth: 10, profitContribution: 10, relationship: 15 };
      const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`);
      for (const id of ids('RISE', 10)) await t.grade(id, 'C');
      for (const id of ids('KEPT', 4)) await t.grade(id, 'A', eighty);
      for (const id of ids('FALL', 4)) {
        await t.grade(id, 'A', eighty);
        await t.backdate(id, 100, { count: 1, days: 3 });
      }
      // Facts written straight to the database, graded first by the run: A -> B one tier at a time (the rules say C).
      const step = 'STEP-1';
      await t.grade(step, 'A');
      await t.backdate(step, 100, { count: 1, days: 3 });
      await t.db.sql('UPDATE customers SET facts = $2 WHERE id = $1', [
        step,
        JSON.stringify(customerFacts('C', { strength: 0, growth: 0 })),
      ]);
      // A one-step fall by a fact change, and tiers set by hand (rows of cause manual-override).
      await t.grade('STEP-2', 'A');
      await t.backdate('STEP-2', 100, { count: 1, days: 3 });
      expect((await t.grade('STEP-2', 'C')).protection).toMatchObject({ reason: 'one tier at a time' });
      await t.grade('HAND-1', 'C');
      expect((await call(t, 'admin', 'PUT', '/api/v1/customers/HAND-1/tier-override', { tier: 'A', reason: 'pilot' })).statusCode).toBe(
        200,
      );
      await t.grade('HAND-2', 'A');
      expect((await call(t, 'admin', 'PUT', '/api/v1/customers/HAND-2/tier-override', { tier: 'C', reason: 'leaving' })).statusCode).toBe(
        200,
      );
      expect((await call(t, 'admin', 'DELETE', '/api/v1/customers/HAND-2/tier-override')).statusCode).toBe(200);
      const file = jsonl([
        customerFactory({ id: 'IMP-1', tier: 'B' }),
        customerFactory({ id: 'IMP-2', tier: 'C' }),
        { id: 'RISE-1', name: 'RISE-1', facts: customerFacts('B') },
      ]);
      expect((await postImport(t, 'application/x-ndjson', file, admin)).statusCode).toBe(200);

      const published = await publish(t, (await draftOf(t, withThresholds(await seedDocument(t), 90, 25))).version);
      expect(published.statusCode).toBe(200);
      const runId = published.json<{ gradingRun: { id: number } }>().gradingRun.id;
      const runRows = await t.db.sql<{ customer_id: string; previous_tier: string; new_tier: string; protection: unknown }>(
        'SELECT customer_id, previous_tier, new_tier, protection FROM tier_history WHERE run_id = $1 ORDER BY customer_id',
        [runId],
      );
      const moves = Object.fromEntries(runRows.map((row) => [row.customer_id, `${row.previous_tier}>${row.new_tier}`]));
      expect(moves).toMatchObject(Object.fromEntries([...ids('FALL', 4), step].map((id) => [id, 'A>B'])));
      for (const id of ids('RISE', 10).slice(1)) expect(moves[id], id).toBe('C>B');
      for (const id of ids('KEPT', 4)) expect(moves[id], id).toBeUndefined();
      expect(runRows.find((row) => row.customer_id === step)!.protection).toMatchObject({ ruledTier: 'C', keptTier: 'B' });
      expect(await t.decision('KEPT-1')).toMatchObject({ tier: 'A', protection: { ruledTier: 'B', keptTier: 'A' } });

      // Every row of the table, the run's and all before it, chosen in SQL.
      const rows = await t.db.sql<{ id: string; cause: string; run_id: string | null; protection: unknown }>(
        'SELECT id::text AS id, cause, run_id::text AS run_id, protection FROM tier_history ORDER BY id',
      );
      expect(new Set(rows.map((row) => row.cause))).toEqual(new Set(['fact-change', 'manual-override', 'policy-publish', 'regrade']));
      expect(rows.filter((row) => row.run_id === String(runId))).toHaveLength(runRows.length);
      expect(rows.filter((row) => row.protection !== null).length).toBeGreaterThanOrEqual(2);
      const different: string[] = [];
      for (const row of rows) {
        const answer = await replay(row.id);
        expect(answer.statusCode, row.id).toBe(200);
        const body = answer.json<Replay>();
        if (!body.identical) different.push(`${row.id}: ${JSON.stringify(body)}`);
        expect(body.replayed).toMatchObject(body.stored);
      }
      expect(different).toEqual([]);
    });

    it('answers the stored outcome, the replayed one and the whole decision it made', async () => {
      const [row] = await t.db.sql<{ id: string; customer_id: string; new_tier: string; score: number }>(
        `SELECT id::text AS id, customer_id, new_tier, score FROM tier_history WHERE customer_id = 'STEP-2' AND protection IS NOT NULL`,
      );
      const body = (await replay(row!.id)).json<Replay>();
      const protection = { ruledTier: 'C', keptTier: 'B', reason: 'one tier at a time' };
      expect(body).toMatchObject({
        identical: true,
        stored: { tier: 'B', score: 30, protection },
        replayed: { tier: 'B', score: 30, protection },
      });
      expect(body.replayed.decision).toMatchObject({
        customerId: 'STEP-2',
        tier: 'B',
        explanation: ['score 30 would give C; falls from A to B only, one tier at a time', expect.stringMatching(/^tier B/)],
        policy: { id: 'default', version: 1 },
      });
    });

    it('says so when a row is not what its facts and inputs give (a row forged in SQL)', async () => {
      const [forged] = await t.db.sql<{ id: string }>(
        `INSERT INTO tier_history (customer_id, previous_tier, new_tier, score, policy_id, policy_version, policy_hash, facts, cause, actor, at, inputs, protection)
         SELECT customer_id, previous_tier, 'A', score, policy_id, policy_version, policy_hash, facts, cause, actor, at, inputs, protection
           FROM tier_history WHERE customer_id = 'STEP-2' AND protection IS NOT NULL
         RETURNING id::text AS id`,
      );
      const body = (await replay(forged!.id)).json<Replay>();
      expect(body).toMatchObject({ identical: false, stored: { tier: 'A' }, replayed: { tier: 'B' } });
    });

    it('answers 404 for an unknown row, 400 for a bad id, and only to readers', async () => {
      const missing = await replay(999_999_999);
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ code: 'tier-history-entry-not-found' });
      const bad = await replay('first');
      expect(bad.statusCode).toBe(400);
      expect(errorPaths(bad)).toEqual(['/id']);
      expect((await call(t, 'agent', 'POST', '/api/v1/tier-history/1/replay')).statusCode).toBe(403);
      for (const role of ['admin', 'author', 'publisher', 'auditor'] as const) {
        expect((await call(t, role, 'POST', '/api/v1/tier-history/1/replay')).statusCode, role).toBe(200);
      }
    });
  });

  describe('decision_log', () => {
    it('holds one row per stored decision change, with what it was made of', async () => {
      const rows = await t.db.sql<{ at: Date; cause: string; inputs: Record<string, unknown>; graded_at: Date }>(
        `SELECT l.at, l.cause, l.inputs, a.graded_at FROM decision_log l JOIN tier_assignments a USING (customer_id)
          WHERE l.customer_id = 'HAND-1' ORDER BY l.id`,
      );
      expect(rows.map((row) => row.cause)).toEqual(['fact-change', 'manual-override', 'policy-publish']);
      expect(rows[1]!.inputs).toMatchObject({ tierOverride: { tier: 'A', reason: 'pilot' }, standing: { tier: 'C' } });
      expect(rows.at(-1)!.at).toEqual(rows.at(-1)!.graded_at);
    });

    it.each([
      ['UPDATE', `UPDATE decision_log SET cause = 'regrade'`],
      ['DELETE', 'DELETE FROM decision_log'],
      ['TRUNCATE', 'TRUNCATE decision_log'],
    ])('is append-only: refuses %s', async (operation, statement) => {
      const before = await t.db.sql('SELECT * FROM decision_log ORDER BY id');
      await expect(t.db.sql(statement)).rejects.toThrow(`decision_log is append-only: ${operation} is not allowed`);
      expect(await t.db.sql('SELECT * FROM decision_log ORDER BY id')).toEqual(before);
    });

    it('lets the serving role only read and add to it', async () => {
      const [rights] = await t.db.sql<Record<string, boolean>>(
        `SELECT has_table_privilege($1, 'decision_log', 'SELECT') AS "select", has_table_privilege($1, 'decision_log', 'INSERT') AS "insert",
                has_table_privilege($1, 'decision_log', 'UPDATE') AS "update", has_table_privilege($1, 'decision_log', 'DELETE') AS "delete",
                has_table_privilege($1, 'decision_log', 'TRUNCATE') AS "truncate"`,
        [SERVING_ROLE],
      );
      expect(rights).toEqual({ select: true, insert: true, update: false, delete: false, truncate: false });
    });
  });
});

describe('replay of the first gradings at bootstrap', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demoCustomers: 40 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('replays every demo customer first grading identically, and answers it as of its gradedAt', async () => {
    const rows = await t.db.sql<{ id: string; customer_id: string; at: Date }>(
      'SELECT id::text AS id, customer_id, at FROM tier_history ORDER BY id',
    );
    expect(rows).toHaveLength(40);
    for (const row of rows) {
      const body = (await call(t, 'auditor', 'POST', `/api/v1/tier-history/${row.id}/replay`)).json<Replay>();
      expect(body.identical, row.customer_id).toBe(true);
    }
    const { customer_id: id, at } = rows[0]!;
    const stored = (await call(t, 'agent', 'GET', `/api/v1/decisions/${id}`)).json<StoredDecision>();
    expect(stored.gradedAt).toBe(at.toISOString());
    const then = await call(t, 'auditor', 'GET', `/api/v1/customers/${id}/decision?asOf=${encodeURIComponent(stored.gradedAt)}`);
    expect(then.json()).toEqual(stored);
  });
});

describe('on embedded PGlite (npm start with no database server)', () => {
  let dataDir: string;
  let seed: string;
  let t: TestApp;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tierwise-replay-pglite-'));
    seed = await protectionSeed();
    t = await startEmbeddedTestApp(dataDir, { seedPolicyPath: seed, demoCustomers: 20 });
  });
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(seed, { recursive: true, force: true });
  });

  it('migrates, protects, logs and replays the same', async () => {
    const admin = await authHeaders(t, 'admin');
    const put = (tier: 'A' | 'B') =>
      t.app.inject({ method: 'PUT', url: '/api/v1/customers/PG-1', headers: admin, payload: { name: 'PG-1', facts: customerFacts(tier) } });
    expect((await put('A')).statusCode).toBe(201);
    const first = (await call(t, 'agent', 'GET', '/api/v1/decisions/PG-1')).json<StoredDecision>();
    await apart();
    expect((await put('B')).statusCode).toBe(200);
    const kept = (await call(t, 'agent', 'GET', '/api/v1/decisions/PG-1')).json<StoredDecision>();
    expect(kept).toMatchObject({ tier: 'A', protection: { ruledTier: 'B', gradings: { count: 1, of: 2 } } });
    const started = await call(t, 'publisher', 'POST', '/api/v1/grading-runs', {});
    expect((await waitForRun(t, started.json<{ id: number }>().id)).status).toBe('succeeded');
    expect((await call(t, 'agent', 'GET', '/api/v1/decisions/PG-1')).json()).toMatchObject({
      tier: 'A',
      protection: { gradings: { count: 2 } },
    });

    const then = await call(t, 'auditor', 'GET', `/api/v1/customers/PG-1/decision?asOf=${encodeURIComponent(shifted(kept.gradedAt, -MS))}`);
    expect(then.json()).toEqual(first);
    const rows = await t.db.sql<{ id: number | string }>('SELECT id FROM tier_history ORDER BY id');
    expect(rows).toHaveLength(21);
    for (const row of rows) {
      expect((await call(t, 'auditor', 'POST', `/api/v1/tier-history/${row.id}/replay`)).json<Replay>().identical, String(row.id)).toBe(
        true,
      );
    }
  });
});

/** The seed with tier A from `a` points and tier B from `b`. */
function withThresholds(document: Awaited<ReturnType<typeof seedDocument>>, a: number, b: number) {
  const copy = withTierAThreshold(document, a);
  copy.grading.tiers[1]!.conditions = { all: [{ fact: 'score', operator: 'greaterThanInclusive', value: b }] };
  return copy;
}
