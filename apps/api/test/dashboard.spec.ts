import pg from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binIndex, POTENTIAL_EDGES, VALUE_EDGES } from '../src/dashboard/dashboard-axes.js';
import { foldDashboardCells } from '../src/dashboard/dashboard-cells.js';
import type { DashboardTiersDto, ValueMatrixDto } from '../src/dashboard/dto/dashboard.dto.js';
import { authHeaders } from './support/auth.js';
import { customerFactory, type CustomerInput, type Tier } from './support/customer.factory.js';
import { putCustomer } from './support/http.js';
import { jsonl, postImport } from './support/import.js';
import { draftOf, publish, seedDocument, withTierAThreshold } from './support/policies-helpers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// The dashboard's aggregates come from summary rows kept by triggers (migration 1796700000000):
// after every kind of write they must equal what a direct aggregate over the tables says.

describe('dashboard aggregates', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let reader: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await authHeaders(t, 'admin');
    reader = await authHeaders(t, 'author');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function get<T>(path: string): Promise<T> {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/dashboard/${path}`, headers: reader });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  }

  /** Per tier, straight from the tables. */
  async function directTiers(): Promise<{ tier: string; customers: number; value: number }[]> {
    return (
      await t.db.sql<{ tier: string; customers: number; value: string }>(
        `SELECT a.tier, count(*)::int AS customers, coalesce(sum((c.facts ->> 'balance')::numeric)
                  FILTER (WHERE jsonb_typeof(c.facts -> 'balance') = 'number'), 0) AS value
           FROM customers c JOIN tier_assignments a ON a.customer_id = c.id
          WHERE a.tier IS NOT NULL GROUP BY a.tier ORDER BY a.tier`,
      )
    ).map((row) => ({ tier: row.tier, customers: row.customers, value: Number(row.value) }));
  }

  /** The density grid, straight from the tables. */
  async function directGrid(): Promise<number[][]> {
    const rows = await t.db.sql<{ v: number; p: number; n: number }>(
      `SELECT width_bucket((facts ->> 'balance')::numeric, $1::numeric[]) AS v,
              width_bucket((facts ->> 'growth')::numeric, $2::numeric[]) AS p, count(*)::int AS n
         FROM customers
        WHERE jsonb_typeof(facts -> 'balance') = 'number' AND jsonb_typeof(facts -> 'growth') = 'number'
        GROUP BY 1, 2`,
      [VALUE_EDGES, POTENTIAL_EDGES],
    );
    const grid = POTENTIAL_EDGES.map(() => VALUE_EDGES.map(() => 0));
    for (const row of rows) grid[binIndex(row.p)]![binIndex(row.v)]! += row.n;
    return grid;
  }

  async function expectExact(): Promise<{ tiers: DashboardTiersDto; matrix: ValueMatrixDto }> {
    const tiers = await get<DashboardTiersDto>('tiers');
    const matrix = await get<ValueMatrixDto>('value-matrix');
    const [totals] = await t.db.sql<{ customers: number; graded: number; untiered: number }>(
      `SELECT (SELECT count(*)::int FROM customers) AS customers, (SELECT count(*)::int FROM tier_assignments) AS graded,
              (SELECT count(*)::int FROM tier_assignments WHERE tier IS NULL) AS untiered`,
    );
    expect({ customers: tiers.customers, graded: tiers.graded, untiered: tiers.untiered }).toEqual(totals);
    expect(tiers.ungraded).toBe(totals!.customers - totals!.graded);
    const direct = await directTiers();
    expect(tiers.tiers.filter((slice) => slice.customers > 0).map(({ tier, customers, value }) => ({ tier, customers, value }))).toEqual(
      direct,
    );
    expect(matrix.counts).toEqual(await directGrid());
    expect(matrix.quadrants.reduce((sum, quadrant) => sum + quadrant.customers, 0)).toBe(matrix.customers);
    expect(matrix.customers + matrix.withoutFacts).toBe(totals!.customers);
    return { tiers, matrix };
  }

  function population(prefix: string, tiers: readonly Tier[]): CustomerInput[] {
    return tiers.map((tier, index) =>
      customerFactory({
        id: `${prefix}-${index}`,
        tier,
        facts: { balance: (index + 1) * (tier === 'A' ? 900_000 : tier === 'B' ? 40_000 : 1_500) },
      }),
    );
  }

  it('match a direct aggregate after an import, tiers in the policy order with shares of customers and value', async () => {
    const customers = population('DASH', ['A', 'A', 'B', 'B', 'B', 'C', 'C', 'C', 'C', 'C', 'C']);
    expect((await postImport(t, 'application/x-ndjson', jsonl(customers), admin)).statusCode).toBe(200);
    const { tiers, matrix } = await expectExact();
    expect(tiers.policy).toEqual({ id: 'default', version: 1 });
    expect(tiers.valueFact).toBe('balance');
    expect(tiers.tiers.map((slice) => slice.tier)).toEqual(['A', 'B', 'C']);
    const a = tiers.tiers[0]!;
    // The 80/20 picture: few A customers, most of the value.
    expect(a.customerShare).toBeLessThan(0.5);
    expect(a.valueShare).toBeGreaterThan(0.8);
    expect(tiers.tiers.reduce((sum, slice) => sum + slice.customerShare, 0)).toBeCloseTo(1, 10);
    expect(matrix.value.fact).toBe('balance');
    expect(matrix.potential).toMatchObject({ fact: 'growth', split: 8 });
    expect(VALUE_EDGES).toContain(matrix.value.split);
  });

  it('follow fact changes, a tier set by hand, customers without the facts and ungraded ones', async () => {
    expect((await putCustomer(t.app, customerFactory({ id: 'DASH-5', tier: 'A', facts: { balance: 7_000_000 } }), admin)).statusCode).toBe(
      200,
    );
    expect(
      (await putCustomer(t.app, customerFactory({ id: 'DASH-2', tier: 'B', facts: { balance: 55, growth: 3 } }), admin)).statusCode,
    ).toBe(200);
    expect((await putCustomer(t.app, customerFactory({ id: 'DASH-NEW', tier: 'C', facts: { balance: 0 } }), admin)).statusCode).toBe(201);
    const override = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/customers/DASH-6/tier-override',
      headers: admin,
      payload: { tier: 'A', reason: 'key account in all but name' },
    });
    expect(override.statusCode).toBe(200);
    // Written past the api: never graded, one without the facts, one with a balance that is not a number.
    await t.db.sql(
      `INSERT INTO customers (id, name, facts) VALUES ('DASH-U1', 'Ungraded', $1), ('DASH-U2', 'No facts', '{}'),
              ('DASH-U3', 'Text balance', '{"balance": "lots", "growth": 2}')`,
      [customerFactory({ tier: 'B', facts: { balance: 12.5, growth: 14 } }).facts],
    );
    const { tiers, matrix } = await expectExact();
    expect(tiers.ungraded).toBeGreaterThanOrEqual(3);
    expect(matrix.withoutFacts).toBeGreaterThanOrEqual(2);
    await t.app.inject({ method: 'DELETE', url: '/api/v1/customers/DASH-6/tier-override', headers: admin });
    await expectExact();
    // Customers go (only ungraded ones can: tier history keeps the others).
    await t.db.sql(`DELETE FROM customers WHERE id IN ('DASH-U2', 'DASH-U3')`);
    await expectExact();
  });

  it('follow a publish that re-grades everyone, and edits made while it runs', async () => {
    const draft = await draftOf(t, withTierAThreshold(await seedDocument(t), 62));
    const edits = ['DASH-3', 'DASH-4', 'DASH-7'].map((id, index) =>
      putCustomer(t.app, customerFactory({ id, tier: 'A', facts: { balance: 3_000_000 + index } }), admin),
    );
    const [published] = await Promise.all([publish(t, draft.version), ...edits]);
    expect(published.statusCode, published.body).toBe(200);
    const { tiers } = await expectExact();
    expect(tiers.policy).toEqual({ id: 'default', version: draft.version });
    // B customers score 64: tier A from 62 points takes them all.
    expect(tiers.tiers.find((slice) => slice.tier === 'B')?.customers ?? 0).toBe(0);
    expect(tiers.ungraded).toBe(0);
  });

  it('follow facts written past the api, on graded customers too', async () => {
    await t.db.sql(`UPDATE customers SET facts = facts || '{"balance": 123456.78, "growth": 12}' WHERE id IN ('DASH-0', 'DASH-8')`);
    await expectExact();
    await t.db.sql(`UPDATE customers SET facts = facts - 'balance' WHERE id = 'DASH-1'`);
    await expectExact();
  });

  it('let two bulk writers grade at once (no lock beyond their own rows), and stay exact', async () => {
    const customers = population(
      'BULK',
      Array.from({ length: 40 }, (_, index): Tier => (index % 3 === 0 ? 'A' : index % 3 === 1 ? 'B' : 'C')),
    );
    expect((await postImport(t, 'application/x-ndjson', jsonl(customers), admin)).statusCode).toBe(200);
    await t.db.sql(`INSERT INTO customers (id, name, facts) VALUES ('BULK-U1', 'Ungraded 1', '{"balance": 10, "growth": 1}'),
                    ('BULK-U2', 'Ungraded 2', '{"balance": 20, "growth": 2}')`);
    const [first, second] = [new pg.Client({ connectionString: t.db.url }), new pg.Client({ connectionString: t.db.url })];
    await Promise.all([first.connect(), second.connect()]);
    try {
      // As a re-grade worker writes: decisions for its own range of customers, some of them first gradings.
      const regrade = (client: pg.Client, from: number, to: number, tier: string, ungraded: string) =>
        client.query(
          `WITH stamp AS (SELECT decision, score, policy_id, policy_version, policy_hash FROM tier_assignments LIMIT 1)
           INSERT INTO tier_assignments (customer_id, decision, tier, score, policy_id, policy_version, policy_hash, cause)
           SELECT c.id, s.decision, $3, s.score, s.policy_id, s.policy_version, s.policy_hash, 'policy-publish'
             FROM customers c, stamp s
            WHERE c.id = $4 OR (c.id LIKE 'BULK-%' AND c.id <> 'BULK-U1' AND c.id <> 'BULK-U2'
                                AND split_part(c.id, '-', 2)::int BETWEEN $1 AND $2)
           ON CONFLICT (customer_id) DO UPDATE SET tier = EXCLUDED.tier, graded_at = now()`,
          [from, to, tier, ungraded],
        );
      await first.query('BEGIN');
      await second.query('BEGIN');
      await regrade(first, 0, 19, 'C', 'BULK-U1');
      // Both hold their uncommitted writes at once: with a global lock this statement would wait for the first to commit.
      await regrade(second, 20, 39, 'A', 'BULK-U2');
      await second.query(`UPDATE customers SET facts = facts || '{"balance": 777}' WHERE id IN ('BULK-25', 'BULK-30')`);
      await first.query('COMMIT');
      await second.query('COMMIT');
      await expectExact();

      // A first grading waits for an uncommitted change of the customer's facts, then counts what it committed.
      await t.db.sql(`INSERT INTO customers (id, name, facts) VALUES ('BULK-U3', 'Ungraded 3', '{"balance": 30, "growth": 3}')`);
      await second.query('BEGIN');
      await second.query(`UPDATE customers SET facts = '{"balance": 3000000, "growth": 3}' WHERE id = 'BULK-U3'`);
      await first.query('BEGIN');
      const grading = regrade(first, -1, -1, 'B', 'BULK-U3');
      await second.query('COMMIT');
      await grading;
      await first.query('COMMIT');
      await expectExact();
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });

  it('stay exact after the cells are folded', async () => {
    const count = async () =>
      (
        await t.db.sql<{ n: number }>(
          'SELECT (SELECT count(*) FROM dashboard_fact_cells) + (SELECT count(*) FROM dashboard_tier_cells) AS n',
        )
      )[0]!.n;
    const rowsBefore = Number(await count());
    await foldDashboardCells(t.app.get(DataSource));
    expect(Number(await count())).toBeLessThan(rowsBefore);
    await expectExact();
  });

  it('answer readers only', async () => {
    for (const path of ['tiers', 'value-matrix']) {
      const url = `/api/v1/dashboard/${path}`;
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'GET', url, headers: await authHeaders(t, 'agent') })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url, headers: await authHeaders(t, 'auditor') })).statusCode).toBe(200);
    }
  });
});
