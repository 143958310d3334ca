import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/auth/role.js';
import { authHeaders } from './support/auth.js';
import { customerFacts, customerFactory, type CustomerInput } from './support/customer.factory.js';
import { listQuery, putCustomer } from './support/http.js';
import { jsonl, postImport } from './support/import.js';
import {
  call,
  draftOf,
  policyVariant,
  publish,
  seedDocument,
  storedDecision,
  withTierAThreshold,
  type PolicyDocument,
} from './support/policies-helpers.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { openApiDocument, resolved } from './support/openapi-document.js';

interface StoredDecision {
  customerId: string;
  tier: string | null;
  score: number | null;
  treatments: Record<string, Record<string, unknown>>;
  explanation: string[];
  policy: { id: string; version: number; hash: string };
  gradedAt: string;
  cause: string;
}

interface HistoryEntry {
  previousTier: string | null;
  newTier: string | null;
  cause: string;
  actor: string;
  policy: { version: number };
}

interface AuditEvent {
  actor: string;
  action: string;
  target: string;
  summary: Record<string, unknown>;
  requestId: string | null;
}

const KEEP_IN_A = { tier: 'A', reason: 'strategic partner, kept in A by the sales director' };

describe('a tier set by hand', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let seed: PolicyDocument;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await authHeaders(t, 'admin');
    seed = await seedDocument(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function created(tier: 'A' | 'B' | 'C'): Promise<CustomerInput> {
    const customer = customerFactory({ tier });
    expect((await putCustomer(t.app, customer, admin)).statusCode).toBe(201);
    return customer;
  }
  const overrideUrl = (id: string) => `/api/v1/customers/${id}/tier-override`;
  const setOverride = (id: string, body: unknown, role: Role = 'publisher', headers: Record<string, string> = {}) =>
    call(t, role, 'PUT', overrideUrl(id), body, headers);
  const clearOverride = (id: string, role: Role = 'publisher', headers: Record<string, string> = {}) =>
    call(t, role, 'DELETE', overrideUrl(id), undefined, headers);
  async function history(id: string): Promise<HistoryEntry[]> {
    const response = await call(t, 'auditor', 'GET', `/api/v1/customers/${id}/tier-history`);
    expect(response.statusCode).toBe(200);
    return response.json<HistoryEntry[]>();
  }
  async function auditOf(id: string): Promise<AuditEvent[]> {
    const response = await call(
      t,
      'auditor',
      'GET',
      `/api/v1/audit-events?${listQuery({ filter: { target: `customer:${id}` }, sort: ['id', 'DESC'] })}`,
    );
    expect(response.statusCode).toBe(200);
    return response.json<AuditEvent[]>();
  }
  async function customerView(id: string) {
    const response = await call(t, 'auditor', 'GET', `/api/v1/customers/${id}`);
    expect(response.statusCode).toBe(200);
    return response.json<{ tier: string; score: number; version: number; tierOverride: Record<string, unknown> | null }>();
  }

  describe('set, kept through every grading, cleared', () => {
    let customer: CustomerInput;
    beforeAll(async () => {
      customer = await created('B');
    });

    it('puts a B customer in tier A with A treatments, explains it, and records who did it', async () => {
      const response = await setOverride(customer.id, KEEP_IN_A, 'publisher', { 'x-request-id': `override-set-${customer.id}` });
      expect(response.statusCode).toBe(200);
      const decision = response.json<StoredDecision>();
      expect(decision).toMatchObject({
        customerId: customer.id,
        tier: 'A',
        score: 64,
        cause: 'manual-override',
        treatments: { accountManager: { dedicated: true }, queue: { priority: 1, greenChannel: true } },
        policy: { id: 'default', version: 1 },
      });
      expect(decision.explanation[0]).toBe(
        'tier A (key customer) set by hand: strategic partner, kept in A by the sales director (by the rules: score 64 >= 60: tier B (ordinary customer))',
      );
      // Exactly what the call centre now reads.
      expect(await storedDecision(t, customer.id)).toEqual(decision);

      const [latest, first] = await history(customer.id);
      expect(first).toMatchObject({ previousTier: null, newTier: 'B', cause: 'fact-change' });
      expect(latest).toMatchObject({ previousTier: 'B', newTier: 'A', cause: 'manual-override', actor: 'user:test-publisher' });

      const view = await customerView(customer.id);
      expect(view).toMatchObject({ tier: 'A', score: 64, version: 2 });
      expect(view.tierOverride).toEqual({
        ...KEEP_IN_A,
        by: 'user:test-publisher',
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
      const listed = await call(t, 'auditor', 'GET', `/api/v1/customers?${listQuery({ filter: { id: [customer.id] } })}`);
      expect(listed.json<{ tierOverride: unknown }[]>()[0]!.tierOverride).toEqual(view.tierOverride);
      // A publisher finds every customer kept by hand before changing tiers.
      const pinned = await call(t, 'publisher', 'GET', `/api/v1/customers?${listQuery({ filter: { overridden: true } })}`);
      expect(pinned.json<{ id: string }[]>().map((row) => row.id)).toEqual([customer.id]);
      const unpinned = await call(t, 'publisher', 'GET', `/api/v1/customers?${listQuery({ filter: { overridden: false } })}`);
      expect(unpinned.json<{ id: string }[]>().map((row) => row.id)).not.toContain(customer.id);

      const [event] = await auditOf(customer.id);
      expect(event).toMatchObject({
        actor: 'user:test-publisher',
        action: 'customer.tier-override.set',
        requestId: `override-set-${customer.id}`,
        summary: { previousTier: 'B', tier: 'A', reason: KEEP_IN_A.reason, previousOverride: null, policyVersion: 1 },
      });
    });

    it('keeps tier A when the facts change: the score moves, the tier stays', async () => {
      const response = await putCustomer(t.app, { ...customer, facts: customerFacts('C') }, admin);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ tier: 'A', score: 30, tierOverride: { tier: 'A', reason: KEEP_IN_A.reason } });
      const decision = (await storedDecision(t, customer.id)) as unknown as StoredDecision;
      expect(decision).toMatchObject({ tier: 'A', score: 30, cause: 'fact-change', treatments: { accountManager: { dedicated: true } } });
      expect(decision.explanation[0]).toMatch(/^tier A \(key customer\) set by hand: .*\(by the rules: .*tier C \(small customer\)\)$/);
      expect((await history(customer.id)).length).toBe(2); // no tier change, no new row
    });

    it('keeps tier A through a bulk import of new facts', async () => {
      const imported = await postImport(
        t,
        'application/x-ndjson',
        jsonl([{ ...customer, facts: customerFacts('B', { growth: 9 }) }]),
        admin,
      );
      expect(imported.statusCode).toBe(200);
      expect(imported.json()).toMatchObject({ imported: 1, updated: 1, tierChanges: 0, tiers: { A: 1 } });
      expect(await storedDecision(t, customer.id)).toMatchObject({ tier: 'A', score: 63, cause: 'fact-change' });
      expect((await history(customer.id)).length).toBe(2);
    });

    it('keeps tier A through a policy publication, which still re-grades the score', async () => {
      const unpinned = await created('A'); // 100 points: A under any threshold below
      const draft = await draftOf(t, withTierAThreshold(seed, 90));
      const published = await publish(t, draft.version);
      expect(published.statusCode).toBe(200);
      expect(await storedDecision(t, customer.id)).toMatchObject({
        tier: 'A',
        score: 63,
        cause: 'policy-publish',
        policy: { version: draft.version },
      });
      expect(await storedDecision(t, unpinned.id)).toMatchObject({
        tier: 'A',
        cause: 'policy-publish',
        policy: { version: draft.version },
      });
      expect((await history(customer.id)).length).toBe(2);
      // Testing a version on a stored customer grades it as publishing does: the pin holds.
      const tested = await call(t, 'author', 'POST', `/api/v1/policies/default/versions/${draft.version}/test`, {
        customerId: customer.id,
      });
      expect(tested.statusCode).toBe(200);
      expect(tested.json()).toMatchObject({ decision: { tier: 'A', score: 63 } });
    });

    it('clears back to the rules: tier B again, with a history row and an audit event', async () => {
      const response = await clearOverride(customer.id, 'admin', { 'x-request-id': `override-clear-${customer.id}` });
      expect(response.statusCode).toBe(200);
      const decision = response.json<StoredDecision>();
      expect(decision).toMatchObject({ tier: 'B', score: 63, cause: 'manual-override' });
      expect(decision.treatments['accountManager']).toBeUndefined();
      expect(decision.explanation[0]).not.toMatch(/set by hand/);
      expect(await storedDecision(t, customer.id)).toEqual(decision);

      const [latest] = await history(customer.id);
      expect(latest).toMatchObject({ previousTier: 'A', newTier: 'B', cause: 'manual-override', actor: 'user:test-admin' });
      expect((await customerView(customer.id)).tierOverride).toBeNull();
      const [event] = await auditOf(customer.id);
      expect(event).toMatchObject({
        actor: 'user:test-admin',
        action: 'customer.tier-override.clear',
        requestId: `override-clear-${customer.id}`,
        summary: { previousTier: 'A', tier: 'B', reason: KEEP_IN_A.reason, clearedOverride: { tier: 'A', by: 'user:test-publisher' } },
      });
    });

    it('clears idempotently: a second DELETE answers the decision and writes nothing', async () => {
      const before = { history: (await history(customer.id)).length, audit: (await auditOf(customer.id)).length };
      const again = await clearOverride(customer.id);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(await storedDecision(t, customer.id));
      expect({ history: (await history(customer.id)).length, audit: (await auditOf(customer.id)).length }).toEqual(before);
    });
  });

  describe('refusals', () => {
    it('refuses a tier the policy does not have with 422 problem+json, in the policy package words, writing nothing', async () => {
      const customer = await created('B');
      const response = await setOverride(customer.id, { tier: 'Z', reason: 'typo' });
      expect(response.statusCode).toBe(422);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const inForce = (await storedDecision(t, customer.id)).policy.version;
      expect(response.json()).toMatchObject({
        status: 422,
        code: 'unknown-tier',
        title: 'The policy has no such tier',
        detail: `customer '${customer.id}' cannot be kept in tier 'Z' by hand under policy 'default' v${inForce}: 'Z' is not a tier of this policy; its tiers are A, B, C`,
        errors: [{ path: '/tier', message: "'Z' is not a tier of this policy; its tiers are A, B, C" }],
      });
      expect((await customerView(customer.id)).tierOverride).toBeNull();
      expect((await auditOf(customer.id)).map((event) => event.action)).toEqual(['customer.create']);
    });

    it('requires a reason of 1 to 500 characters and nothing else in the body (400)', async () => {
      const customer = await created('B');
      for (const [body, path] of [
        [{ tier: 'A' }, '/reason'],
        [{ tier: 'A', reason: '   ' }, '/reason'],
        [{ tier: 'A', reason: 'x'.repeat(501) }, '/reason'],
        [{ reason: 'why not' }, '/tier'],
        [{ tier: 'A', reason: 'ok', by: 'someone else' }, '/by'],
      ] as const) {
        const response = await setOverride(customer.id, body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        expect(response.json<{ code: string; errors: { path: string }[] }>()).toMatchObject({
          code: 'invalid-request',
          errors: [{ path }],
        });
      }
      expect((await setOverride(customer.id, { tier: 'A', reason: 'x'.repeat(500) })).statusCode).toBe(200);
      expect((await clearOverride(customer.id)).statusCode).toBe(200);
    });

    it('answers 404 for an unknown customer', async () => {
      const set = await setOverride('NO-SUCH-CUSTOMER', KEEP_IN_A);
      expect(set.statusCode).toBe(404);
      expect(set.json()).toMatchObject({ code: 'customer-not-found' });
      expect((await clearOverride('NO-SUCH-CUSTOMER')).statusCode).toBe(404);
    });

    it('is for admins and publishers only: agents, auditors and authors get 403', async () => {
      const customer = await created('B');
      for (const role of ['agent', 'auditor', 'author'] as const) {
        const set = await setOverride(customer.id, KEEP_IN_A, role);
        expect(set.statusCode, role).toBe(403);
        expect(set.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect((await clearOverride(customer.id, role)).statusCode, role).toBe(403);
      }
      expect((await customerView(customer.id)).tierOverride).toBeNull();
      expect(await storedDecision(t, customer.id)).toMatchObject({ tier: 'B', cause: 'fact-change' });
    });
  });

  it('is documented in the OpenAPI document with the roles it admits', async () => {
    const document = await openApiDocument(t);
    const path = document.paths['/api/v1/customers/{id}/tier-override']!;
    expect(path['put']!['x-roles']).toEqual(['admin', 'publisher']);
    expect(path['delete']!['x-roles']).toEqual(['admin', 'publisher']);
    expect(resolved(document, path['put']!.requestBody!.content['application/json']!.schema)?.required).toEqual(['tier', 'reason']);
  });

  describe('a publication that drops a pinned tier', () => {
    // Tier A renamed "AAA" (its treatments follow), so tier A is gone from the new version.
    const withoutTierA = (document: PolicyDocument) =>
      policyVariant(document, (copy) => {
        copy.grading.tiers[0]!.id = 'AAA';
        for (const rule of (copy.treatments ?? []) as { conditions?: { all?: { fact: string; value: unknown }[] } }[]) {
          for (const condition of rule.conditions?.all ?? [])
            if (condition.fact === 'tier' && condition.value === 'A') condition.value = 'AAA';
        }
      });

    it('is refused even when the override is being set while the publication starts: the publication waits for it', async () => {
      const customer = await created('B');
      const draft = await draftOf(t, withoutTierA(seed));
      const blocker = new pg.Client({ connectionString: t.db.url });
      await blocker.connect();
      try {
        // Holding the customer's row stops the override after it has share-locked the version in force.
        await blocker.query('BEGIN');
        await blocker.query('SELECT 1 FROM customers WHERE id = $1 FOR UPDATE', [customer.id]);
        const setting = setOverride(customer.id, KEEP_IN_A);
        await waitForLockWaits(t, 1);
        // The publication must supersede that version, so it queues behind the override.
        let settled = false;
        const publishing = publish(t, draft.version).finally(() => (settled = true));
        expect(await waitForLockWaits(t, 2, () => settled), 'the publication went ahead without waiting for the override').toBe(true);
        await blocker.query('COMMIT');
        const [set, refused] = await Promise.all([setting, publishing]);
        expect(set.statusCode).toBe(200);
        expect(refused.statusCode).toBe(422);
        expect(refused.json()).toMatchObject({
          code: 'unknown-tier',
          pinnedCustomers: 1,
          errors: [{ path: `/customers/${customer.id}/tierOverride/tier` }],
        });
      } finally {
        await blocker.end();
      }
      expect(await storedDecision(t, customer.id)).toMatchObject({
        tier: 'A',
        cause: 'manual-override',
        policy: { version: draft.version - 1 },
      });
      expect((await clearOverride(customer.id)).statusCode).toBe(200);
    });

    it('is refused with 422 naming the pinned customers, changes nothing, and passes once they are cleared', async () => {
      const pinned = await created('C');
      expect((await setOverride(pinned.id, KEEP_IN_A)).statusCode).toBe(200);
      const inForce = (await storedDecision(t, pinned.id)).policy.version;
      const draft = await draftOf(t, withoutTierA(seed));
      expect(draft.lint.errors).toBe(0);

      const refused = await publish(t, draft.version);
      expect(refused.statusCode).toBe(422);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.json()).toMatchObject({
        code: 'unknown-tier',
        pinnedCustomers: 1,
        detail: expect.stringContaining(
          `1 customer(s) are kept by hand in a tier that policy 'default' v${draft.version} does not have (its tiers are AAA, B, C)`,
        ),
        errors: [
          {
            path: `/customers/${pinned.id}/tierOverride/tier`,
            message: `customer '${pinned.id}' is kept in tier 'A' by hand, which v${draft.version} does not have`,
          },
        ],
      });
      const policy = await call(t, 'auditor', 'GET', '/api/v1/policies/default');
      expect(policy.json()).toMatchObject({ publishedVersion: inForce });
      expect(await storedDecision(t, pinned.id)).toMatchObject({ tier: 'A', policy: { version: inForce } });
      // Testing the draft on that customer says the same thing before anyone tries to publish.
      const tested = await call(t, 'author', 'POST', `/api/v1/policies/default/versions/${draft.version}/test`, { customerId: pinned.id });
      expect(tested.statusCode).toBe(422);
      expect(tested.json()).toMatchObject({ code: 'unknown-tier', errors: [{ path: '/customerId' }] });

      expect((await clearOverride(pinned.id)).statusCode).toBe(200);
      const published = await publish(t, draft.version);
      expect(published.statusCode).toBe(200);
      expect(await storedDecision(t, pinned.id)).toMatchObject({ tier: 'C', policy: { version: draft.version } });
    });
  });
});

/**
 * Waits until `count` sessions of the app's database wait for a lock (a condition, not a duration);
 * false if `giveUp` says the awaited work finished without ever waiting.
 * Asked outside the blocking transaction: pg_stat_activity is a snapshot per transaction.
 */
async function waitForLockWaits(t: TestApp, count: number, giveUp: () => boolean = () => false): Promise<boolean> {
  for (;;) {
    if (giveUp()) return false;
    const rows = await t.db.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'active' AND wait_event_type = 'Lock'`,
    );
    if (rows[0]!.n >= count) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
