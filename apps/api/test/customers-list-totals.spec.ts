import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldCustomerCounts } from '../src/customers/customer-counts.js';
import { authHeaders } from './support/auth.js';
import { customerFactory, type Tier } from './support/customer.factory.js';
import { listQuery, putCustomer } from './support/http.js';
import { jsonl, postImport } from './support/import.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// The customer list's totals come from counts kept by triggers (migration 1796500000000), not
// from counting rows: they must stay exactly what counting would say through every kind of write.

const FILTERS: Record<string, unknown>[] = [
  {},
  { tier: 'A' },
  { tier: 'B' },
  { tier: 'C' },
  { tier: ['A', 'C'] },
  { tier: ['B', 'B'] },
  { overridden: true },
  { overridden: false },
  { tier: 'A', overridden: false },
  { q: 'total' },
];

describe('customer list totals and orders at scale', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let reader: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await authHeaders(t, 'admin');
    reader = await authHeaders(t, 'auditor');
    const tiers: Tier[] = ['A', 'B', 'B', 'C', 'C', 'C', 'C'];
    const customers = tiers.map((tier, index) => customerFactory({ id: `TOT-${index}`, name: `Total ${tier} ${index}`, tier }));
    expect((await postImport(t, 'application/x-ndjson', jsonl(customers), admin)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function list(params: { sort?: unknown; range?: unknown; filter?: unknown }) {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/customers?${listQuery(params)}`, headers: reader });
    expect(response.statusCode, response.body).toBe(200);
    return { ids: response.json<{ id: string }[]>().map((row) => row.id), total: Number(response.headers['content-range']!.split('/')[1]) };
  }

  /** What counting the rows says, for the same filter. */
  async function counted(filter: Record<string, unknown>): Promise<number> {
    const tiers = filter['tier'] === undefined ? null : [filter['tier']].flat();
    const [row] = await t.db.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM customers c LEFT JOIN tier_assignments a ON a.customer_id = c.id
       WHERE ($1::text[] IS NULL OR a.tier = ANY($1::text[]))
         AND ($2::boolean IS NULL OR (c.tier_override IS NOT NULL) = $2)
         AND ($3::text IS NULL OR c.name ILIKE '%' || $3 || '%' OR c.id ILIKE '%' || $3 || '%')`,
      [tiers, filter['overridden'] ?? null, filter['q'] ?? null],
    );
    return row!.n;
  }

  async function expectExactTotals(): Promise<void> {
    for (const filter of FILTERS) {
      expect((await list({ filter })).total, JSON.stringify(filter)).toBe(await counted(filter));
    }
  }

  it('match counting after an import', async () => {
    await expectExactTotals();
    expect((await list({ filter: { tier: 'C' } })).total).toBe(4);
  });

  it('follow a tier set by hand, a fact change that moves a tier, and one that does not', async () => {
    const override = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/customers/TOT-1/tier-override',
      headers: admin,
      payload: { tier: 'A', reason: 'key account in all but name' },
    });
    expect(override.statusCode).toBe(200);
    expect((await putCustomer(t.app, customerFactory({ id: 'TOT-3', name: 'Total C 3 now A', tier: 'A' }), admin)).statusCode).toBe(200);
    expect((await putCustomer(t.app, customerFactory({ id: 'TOT-4', name: 'Total C 4 renamed', tier: 'C' }), admin)).statusCode).toBe(200);
    expect((await putCustomer(t.app, customerFactory({ id: 'TOT-NEW', name: 'Total new B', tier: 'B' }), admin)).statusCode).toBe(201);
    await expectExactTotals();
    expect((await list({ filter: { tier: 'A' } })).total).toBe(3);
  });

  it('count customers without a decision, and sort them as the smallest value of a decision column', async () => {
    await t.db.sql(
      `INSERT INTO customers (id, name, facts) VALUES ('TOT-U1', 'Total ungraded 1', '{}'), ('TOT-U2', 'Total ungraded 2', '{}')`,
    );
    await expectExactTotals();
    const all = await list({ sort: ['score', 'ASC'], range: [0, 99] });
    expect(all.total).toBe(10);
    expect(all.ids.slice(0, 2)).toEqual(['TOT-U1', 'TOT-U2']);
    const descending = await list({ sort: ['score', 'DESC'], range: [0, 99] });
    expect(descending.ids.slice(-2)).toEqual(['TOT-U2', 'TOT-U1']);
    // Equal scores (100) fall back to the id, in the same direction.
    expect(descending.ids.slice(0, 2)).toEqual(['TOT-3', 'TOT-0']);
    // Pages across the boundary between decided and undecided customers add up to the whole list, in order.
    for (const order of ['ASC', 'DESC']) {
      const whole = (await list({ sort: ['score', order], range: [0, 99] })).ids;
      const pages: string[] = [];
      for (let start = 0; start < whole.length; start += 3)
        pages.push(...(await list({ sort: ['score', order], range: [start, start + 2] })).ids);
      expect(pages, order).toEqual(whole);
    }
    // Searching and setting by hand combine with them too.
    expect((await list({ filter: { q: 'ungraded' }, sort: ['tier', 'DESC'] })).ids).toEqual(['TOT-U2', 'TOT-U1']);
  });

  it('stay exact when customers go and after the counts are folded', async () => {
    await t.db.sql(`DELETE FROM customers WHERE id = 'TOT-U2'`);
    await expectExactTotals();
    const rowsBefore = (await t.db.sql<{ n: number }>('SELECT count(*)::int AS n FROM customer_counts'))[0]!.n;
    await foldCustomerCounts(t.app.get(DataSource));
    const keys = await t.db.sql<{ key: string; rows: number }>('SELECT key, count(*)::int AS rows FROM customer_counts GROUP BY key');
    expect(keys.every((key) => key.rows === 1)).toBe(true);
    expect(keys.length).toBeLessThan(rowsBefore);
    await expectExactTotals();
  });

  it('pages by every sort field with the id as tie-break, in both directions', async () => {
    for (const field of ['id', 'name', 'tier', 'score', 'version', 'policyVersion', 'createdAt', 'updatedAt', 'gradedAt']) {
      for (const order of ['ASC', 'DESC']) {
        const whole = await list({ sort: [field, order], range: [0, 99] });
        expect(whole.ids.length).toBe(whole.total);
        const firstTwo = await list({ sort: [field, order], range: [0, 1] });
        const rest = await list({ sort: [field, order], range: [2, 99] });
        expect([...firstTwo.ids, ...rest.ids], `${field} ${order}`).toEqual(whole.ids);
      }
    }
  });
});
