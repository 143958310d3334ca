import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExpireOverridesJob } from '../src/customers/jobs/expire-overrides.job.js';
import { JobQueue } from '../src/jobs/job-queue.js';
import { authHeaders } from './support/auth.js';
import { customerFactory, type CustomerInput } from './support/customer.factory.js';
import { putCustomer } from './support/http.js';
import { openApiDocument, resolved } from './support/openapi-document.js';
import { call, storedDecision } from './support/policies-helpers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Issue 8, point 4: a tier override may carry an expiresAt; a job on a one-minute schedule clears
// every override whose time is up and re-grades the customer, as a DELETE by 'system' would.
// Overrides are made to expire by moving their expiresAt into the past in SQL, not by waiting.

interface Override {
  tier: string;
  reason: string;
  by: string;
  at: string;
  expiresAt?: string;
}

interface HistoryRow {
  previous_tier: string | null;
  new_tier: string | null;
  cause: string;
  actor: string;
}

interface AuditRow {
  actor: string;
  action: string;
  summary: Record<string, unknown>;
  request_id: string | null;
}

const IN_AN_HOUR = () => new Date(Date.now() + 3_600_000).toISOString();
const KEEP_IN_A = { tier: 'A', reason: 'trial of the key-account programme' };
// The published version's row: every override writer share-locks it first, so holding it stops them before the customer's row.
const VERSION_IN_FORCE = `SELECT 1 FROM policy_versions WHERE policy_id = 'default' AND status = 'published' FOR UPDATE`;

describe('tier overrides that expire', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let job: ExpireOverridesJob;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await authHeaders(t, 'admin');
    job = t.app.get(ExpireOverridesJob);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function created(tier: 'A' | 'B' | 'C'): Promise<CustomerInput> {
    const customer = customerFactory({ tier });
    expect((await putCustomer(t.app, customer, admin)).statusCode).toBe(201);
    return customer;
  }
  const setOverride = (id: string, body: unknown) => call(t, 'publisher', 'PUT', `/api/v1/customers/${id}/tier-override`, body);
  async function overrideOf(id: string): Promise<Override | null> {
    const response = await call(t, 'auditor', 'GET', `/api/v1/customers/${id}`);
    expect(response.statusCode).toBe(200);
    return response.json<{ tierOverride: Override | null }>().tierOverride;
  }
  async function pinned(tier: 'B' | 'C', expiresAt: string = IN_AN_HOUR()): Promise<CustomerInput> {
    const customer = await created(tier);
    expect((await setOverride(customer.id, { ...KEEP_IN_A, expiresAt })).statusCode).toBe(200);
    return customer;
  }
  // Its time is up: the stored expiresAt moved a second into the past, by the database's clock.
  const expire = (id: string) =>
    t.db.sql(
      `UPDATE customers SET tier_override = tier_override || jsonb_build_object('expiresAt',
         to_char((now() - interval '1 second') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) WHERE id = $1`,
      [id],
    );
  const overrideHistory = (id: string) =>
    t.db.sql<HistoryRow>(
      `SELECT previous_tier, new_tier, cause, actor FROM tier_history WHERE customer_id = $1 AND cause = 'manual-override' ORDER BY id`,
      [id],
    );
  const clearEvents = (id: string) =>
    t.db.sql<AuditRow>(
      `SELECT actor, action, summary, request_id FROM audit_events
        WHERE target = $1 AND action = 'customer.tier-override.clear' ORDER BY id`,
      [`customer:${id}`],
    );

  it('takes an expiresAt in the future, stores it in UTC, and documents it', async () => {
    const customer = await created('B');
    const response = await setOverride(customer.id, { ...KEEP_IN_A, expiresAt: '2099-06-30T23:59:59+08:00' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ tier: 'A', cause: 'manual-override' });
    expect(await overrideOf(customer.id)).toEqual({
      ...KEEP_IN_A,
      by: 'user:test-publisher',
      at: expect.stringMatching(/Z$/),
      expiresAt: '2099-06-30T15:59:59.000Z',
    });
    // A new override replaces the old one whole: without expiresAt it holds until cleared.
    expect((await setOverride(customer.id, KEEP_IN_A)).statusCode).toBe(200);
    expect(await overrideOf(customer.id)).not.toHaveProperty('expiresAt');

    const document = await openApiDocument(t);
    const put = document.paths['/api/v1/customers/{id}/tier-override']!['put']!;
    const body = resolved(document, put.requestBody!.content['application/json']!.schema);
    expect(body?.required).toEqual(['tier', 'reason']);
    expect(body?.properties?.['expiresAt']).toMatchObject({ type: 'string', format: 'date-time' });
  });

  it('refuses an expiresAt in the past or without an offset with 400 problem+json, writing nothing', async () => {
    const customer = await created('B');
    const past = await setOverride(customer.id, { ...KEEP_IN_A, expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(past.json()).toMatchObject({
      code: 'invalid-request',
      detail: 'expiresAt 2020-01-01T00:00:00.000Z is not in the future; an override must hold for some time after it is set',
      errors: [{ path: '/expiresAt' }],
    });
    const local = await setOverride(customer.id, { ...KEEP_IN_A, expiresAt: '2099-01-01T00:00:00' });
    expect(local.statusCode).toBe(400);
    expect(local.json()).toMatchObject({ errors: [{ path: '/expiresAt', message: expect.stringContaining('with its offset') }] });
    expect(await overrideOf(customer.id)).toBeNull();
  });

  it('clears an expired override: graded by the rules again, one history row by system, an audit event', async () => {
    const customer = await pinned('B');
    const { expiresAt } = (await overrideOf(customer.id))!;
    await expire(customer.id);
    await job.handle();

    expect(await overrideOf(customer.id)).toBeNull();
    const decision = await storedDecision(t, customer.id);
    expect(decision).toMatchObject({ tier: 'B', score: 64, cause: 'manual-override', policy: { id: 'default', version: 1 } });
    expect((decision as unknown as { explanation: string[] }).explanation[0]).not.toMatch(/set by hand/);
    expect(await overrideHistory(customer.id)).toEqual([
      { previous_tier: 'B', new_tier: 'A', cause: 'manual-override', actor: 'user:test-publisher' },
      { previous_tier: 'A', new_tier: 'B', cause: 'manual-override', actor: 'system' },
    ]);
    const [event, ...more] = await clearEvents(customer.id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      actor: 'system',
      request_id: null,
      summary: {
        previousTier: 'A',
        tier: 'B',
        reason: KEEP_IN_A.reason,
        expired: true,
        clearedOverride: { tier: 'A', by: 'user:test-publisher' },
        policyVersion: 1,
      },
    });
    expect(Date.parse((event!.summary['clearedOverride'] as Override).expiresAt!)).toBeLessThan(Date.parse(expiresAt!));

    // Run again: nothing left to clear, nothing written.
    await job.handle();
    expect(await overrideHistory(customer.id)).toHaveLength(2);
    expect(await clearEvents(customer.id)).toHaveLength(1);
  });

  it('keeps overrides whose time is not up, and those with no expiresAt', async () => {
    const later = await pinned('C');
    const forever = await created('C');
    expect((await setOverride(forever.id, KEEP_IN_A)).statusCode).toBe(200);
    await job.handle();
    for (const customer of [later, forever]) {
      expect(await overrideOf(customer.id)).toMatchObject({ tier: 'A' });
      expect(await storedDecision(t, customer.id)).toMatchObject({ tier: 'A', cause: 'manual-override' });
      expect(await overrideHistory(customer.id)).toHaveLength(1);
      expect(await clearEvents(customer.id)).toEqual([]);
    }
  });

  it('keeps an override replaced after the job read the expired one', async () => {
    const customer = await pinned('B');
    await expire(customer.id);
    const replacement = { ...KEEP_IN_A, reason: 'programme extended', by: 'user:test-admin', expiresAt: IN_AN_HOUR() };
    // A writer holds the version in force (as a PUT does first), so the job, having read the customer
    // as expired, waits; the writer then replaces the override and commits before the job locks the row.
    const writer = new pg.Client({ connectionString: t.db.url });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(VERSION_IN_FORCE);
      let settled = false;
      const running = job.handle().finally(() => (settled = true));
      expect(await waitForLockWaits(t, 1, () => settled), 'the job did not wait for the version in force').toBe(true);
      await writer.query(
        `UPDATE customers SET tier_override = $2::jsonb || jsonb_build_object('at', now()), version = version + 1 WHERE id = $1`,
        [customer.id, JSON.stringify(replacement)],
      );
      await writer.query('COMMIT');
      await running;
    } finally {
      await writer.end();
    }
    expect(await overrideOf(customer.id)).toMatchObject({ reason: 'programme extended', expiresAt: replacement.expiresAt });
    expect(await overrideHistory(customer.id)).toHaveLength(1);
    expect(await clearEvents(customer.id)).toEqual([]);
  });

  it('clears each override once when two runs overlap', async () => {
    const customers = [await pinned('B'), await pinned('C'), await pinned('B')];
    for (const customer of customers) await expire(customer.id);
    // Both runs read the candidates, then wait on the version in force; released together, they race for the rows.
    const holder = new pg.Client({ connectionString: t.db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(VERSION_IN_FORCE);
      let settled = false;
      const runs = [job.handle(), job.handle()].map((run) => run.finally(() => (settled = true)));
      expect(await waitForLockWaits(t, 2, () => settled), 'the two runs did not overlap').toBe(true);
      await holder.query('COMMIT');
      await Promise.all(runs);
    } finally {
      await holder.end();
    }
    for (const customer of customers) {
      expect(await overrideOf(customer.id)).toBeNull();
      const rows = await overrideHistory(customer.id);
      expect(
        rows.filter((row) => row.actor === 'system'),
        customer.id,
      ).toHaveLength(1);
      expect(await clearEvents(customer.id), customer.id).toHaveLength(1);
    }
  });

  it('is scheduled every minute in a process that works jobs', async () => {
    expect(await t.app.get(JobQueue).schedules()).toContainEqual({ key: 'expire-tier-overrides', cron: '* * * * *' });
  });
});

/**
 * Waits until `count` of the app's sessions wait for a lock (a condition, not a duration); false as
 * soon as `giveUp` says the awaited work finished without waiting. Asked outside the holding transaction.
 */
async function waitForLockWaits(t: TestApp, count: number, giveUp: () => boolean): Promise<boolean> {
  for (;;) {
    if (giveUp()) return false;
    const rows = await t.db.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'tierwise-api' AND wait_event_type = 'Lock'`,
    );
    if (rows[0]!.n >= count) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
