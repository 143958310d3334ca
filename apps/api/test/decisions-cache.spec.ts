import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecisionCache } from '../src/decisions/decision-cache.js';
import { authHeaders } from './support/auth.js';
import { customerFactory, type CustomerInput } from './support/customer.factory.js';
import { putCustomer } from './support/http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// GET /api/v1/decisions/{id} answers from memory; these specs prove the memory
// never outlives a change, whoever makes it.
describe('stored decisions served from memory', () => {
  let one: TestApp;
  let two: TestApp; // a second instance on the same database
  beforeAll(async () => {
    one = await startTestApp();
    two = await startTestApp({}, one.db);
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
  });

  async function tierOn(t: TestApp, customerId: string): Promise<string | null> {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/decisions/${customerId}`, headers: await authHeaders(t, 'agent') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    return response.json<{ tier: string | null }>().tier;
  }

  async function stored(t: TestApp, tier: 'A' | 'B' | 'C'): Promise<CustomerInput> {
    const customer = customerFactory({ tier });
    expect((await putCustomer(t.app, customer, await authHeaders(t, 'admin'))).statusCode).toBe(201);
    return customer;
  }

  async function regrade(t: TestApp, customer: CustomerInput, tier: 'A' | 'B' | 'C'): Promise<void> {
    const changed = { ...customer, facts: customerFactory({ tier }).facts };
    expect((await putCustomer(t.app, changed, await authHeaders(t, 'admin'))).statusCode).toBe(200);
  }

  it('answers the stored decision with when and why it was made', async () => {
    const customer = await stored(one, 'A');
    const response = await one.app.inject({
      method: 'GET',
      url: `/api/v1/decisions/${customer.id}`,
      headers: await authHeaders(one, 'agent'),
    });
    const [row] = await one.db.sql<{ graded_at: Date }>('SELECT graded_at FROM tier_assignments WHERE customer_id = $1', [customer.id]);
    expect(response.json()).toMatchObject({
      customerId: customer.id,
      tier: 'A',
      policy: { id: 'default', version: 1 },
      cause: 'fact-change',
      gradedAt: row!.graded_at.toISOString(),
    });
  });

  it("answers the decision's keys in the contract's order, as the policy package built it", async () => {
    const customer = await stored(one, 'C');
    for (const pass of ['from the database', 'from memory']) {
      const response = await one.app.inject({
        method: 'GET',
        url: `/api/v1/decisions/${customer.id}`,
        headers: await authHeaders(one, 'agent'),
      });
      const decision = response.json<{ breakdown: object[]; policy: object }>();
      expect(Object.keys(decision), pass).toEqual([
        'id',
        'customerId',
        'tier',
        'score',
        'breakdown',
        'treatments',
        'explanation',
        'policy',
        'gradedAt',
        'cause',
      ]);
      expect(Object.keys(decision.breakdown[0]!), pass).toEqual(['criterion', 'points', 'max', 'reason']);
      expect(Object.keys(decision.policy), pass).toEqual(['id', 'version', 'hash']);
    }
  });

  it('keeps the decision in memory once read', async () => {
    const customer = await stored(one, 'B');
    expect(one.app.get(DecisionCache).isEnabled).toBe(true);
    expect(await tierOn(one, customer.id)).toBe('B');
    // With the notification triggers off, a change behind the app's back goes unheard: the old answer stays.
    await one.db.sql('ALTER TABLE tier_assignments DISABLE TRIGGER USER');
    try {
      await one.db.sql(`UPDATE tier_assignments SET decision = (decision::jsonb || '{"tier": "Z"}')::json WHERE customer_id = $1`, [
        customer.id,
      ]);
      expect(await tierOn(one, customer.id)).toBe('B');
    } finally {
      await one.db.sql('ALTER TABLE tier_assignments ENABLE TRIGGER USER');
    }
  });

  it('shows a change made through this instance on the very next read', async () => {
    const customer = await stored(one, 'C');
    expect(await tierOn(one, customer.id)).toBe('C');
    await regrade(one, customer, 'A');
    expect(await tierOn(one, customer.id)).toBe('A');
  });

  it('drops a decision another instance changed', async () => {
    const customer = await stored(one, 'C');
    expect(await tierOn(one, customer.id)).toBe('C');
    expect(await tierOn(two, customer.id)).toBe('C');
    await regrade(two, customer, 'B');
    expect(await tierOn(two, customer.id)).toBe('B');
    // The other instance hears of it through PostgreSQL, within moments.
    await expect.poll(() => tierOn(one, customer.id), { timeout: 10_000 }).toBe('B');
  });

  it('drops a decision changed outside the application', async () => {
    const customer = await stored(one, 'B');
    expect(await tierOn(one, customer.id)).toBe('B');
    await one.db.sql(`UPDATE tier_assignments SET decision = (decision::jsonb || '{"tier": "Z"}')::json WHERE customer_id = $1`, [
      customer.id,
    ]);
    await expect.poll(() => tierOn(one, customer.id), { timeout: 10_000 }).toBe('Z');
  });

  it('drops everything on a change too large to list (a re-grade of many customers)', async () => {
    const customers = await Promise.all(Array.from({ length: 60 }, () => stored(one, 'C')));
    for (const customer of customers) expect(await tierOn(one, customer.id)).toBe('C');
    const ids = customers.map((customer) => customer.id);
    await one.db.sql(
      `UPDATE tier_assignments SET decision = (decision::jsonb || '{"tier": "Z"}')::json WHERE customer_id = ANY($1::text[])`,
      [ids],
    );
    await expect.poll(() => tierOn(one, ids[59]!), { timeout: 10_000 }).toBe('Z');
    for (const id of ids) expect(await tierOn(one, id)).toBe('Z');
  });

  it('answers an unknown customer with a 404 problem naming it', async () => {
    const response = await one.app.inject({ method: 'GET', url: '/api/v1/decisions/C-NOBODY', headers: await authHeaders(one, 'agent') });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'customer-not-found', detail: "there is no customer with id 'C-NOBODY'" });
  });

  it('answers 404 once the decision is gone', async () => {
    const customer = await stored(one, 'A');
    expect(await tierOn(one, customer.id)).toBe('A');
    await one.db.sql('DELETE FROM tier_assignments WHERE customer_id = $1', [customer.id]);
    const headers = await authHeaders(one, 'agent');
    await expect
      .poll(
        async () =>
          (await one.app.inject({ method: 'GET', url: `/api/v1/decisions/${customer.id}`, headers })).json<{ code?: string }>().code,
        {
          timeout: 10_000,
        },
      )
      .toBe('decision-not-found');
  });

  it('reads the database while it cannot hear changes, and listens again after reconnecting', async () => {
    const customer = await stored(one, 'B');
    expect(await tierOn(one, customer.id)).toBe('B');
    const cache = one.app.get(DecisionCache);
    await one.db.sql('ALTER TABLE tier_assignments DISABLE TRIGGER USER');
    try {
      // Cut every instance's listening connection: nothing can be heard now, so nothing may be served from memory.
      await one.db.sql(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'tierwise-api-listener' AND datname = current_database()`,
      );
      await expect.poll(() => cache.isEnabled, { timeout: 10_000 }).toBe(false);
      await one.db.sql(`UPDATE tier_assignments SET decision = (decision::jsonb || '{"tier": "Z"}')::json WHERE customer_id = $1`, [
        customer.id,
      ]);
      expect(await tierOn(one, customer.id)).toBe('Z');
    } finally {
      await one.db.sql('ALTER TABLE tier_assignments ENABLE TRIGGER USER');
    }
    await expect.poll(() => cache.isEnabled, { timeout: 10_000 }).toBe(true);
    await one.db.sql(`UPDATE tier_assignments SET decision = (decision::jsonb || '{"tier": "Y"}')::json WHERE customer_id = $1`, [
      customer.id,
    ]);
    await expect.poll(() => tierOn(one, customer.id), { timeout: 10_000 }).toBe('Y');
  });
});
