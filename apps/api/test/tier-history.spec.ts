import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders } from './support/auth.js';
import { customerFacts, customerFactory } from './support/customer.factory.js';
import { listQuery, putCustomer, errorPaths } from './support/http.js';
import { jsonl, postImport } from './support/import.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Entry {
  id: number;
  customerId: string;
  previousTier: string | null;
  newTier: string | null;
  cause: string;
  actor: string;
  at: string;
  policy: { id: string; version: number; hash: string };
}

describe('tier history', () => {
  let t: TestApp;
  let reader: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    reader = await authHeaders(t, 'publisher');
    const admin = await authHeaders(t, 'admin');
    // H-1 A, H-2 B, H-3 C; then H-1 falls to B and H-3 rises to A: five entries.
    const imported = await postImport(
      t,
      'application/x-ndjson',
      jsonl([
        customerFactory({ id: 'H-1', tier: 'A' }),
        customerFactory({ id: 'H-2', tier: 'B' }),
        customerFactory({ id: 'H-3', tier: 'C' }),
      ]),
      admin,
    );
    expect(imported.statusCode).toBe(200);
    expect((await putCustomer(t.app, { id: 'H-1', name: 'H one', facts: customerFacts('B') }, admin)).statusCode).toBe(200);
    expect((await putCustomer(t.app, { id: 'H-3', name: 'H three', facts: customerFacts('A') }, admin)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function list(params: { sort?: unknown; range?: unknown; filter?: unknown }, headers = reader) {
    return t.app.inject({ method: 'GET', url: `/api/v1/tier-history?${listQuery(params)}`, headers });
  }
  const changes = (entries: Entry[]) => entries.map((entry) => `${entry.customerId}:${entry.previousTier ?? '-'}>${entry.newTier ?? '-'}`);

  it('lists every change, newest first, with Content-Range', async () => {
    const response = await list({});
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-range']).toBe('tier-history 0-4/5');
    const entries = response.json<Entry[]>();
    expect(changes(entries)).toEqual(['H-3:C>A', 'H-1:A>B', 'H-3:->C', 'H-2:->B', 'H-1:->A']);
    expect(entries[0]).toMatchObject({ cause: 'fact-change', actor: 'user:test-admin', policy: { id: 'default', version: 1 } });
  });

  it('filters by customer, by tier entered or left, by cause and by policy version', async () => {
    expect(changes((await list({ filter: { customerId: 'H-1' } })).json())).toEqual(['H-1:A>B', 'H-1:->A']);
    expect(changes((await list({ filter: { customerId: ['H-2', 'H-3'] }, sort: ['id', 'ASC'] })).json())).toEqual([
      'H-2:->B',
      'H-3:->C',
      'H-3:C>A',
    ]);
    // Into A or out of A.
    expect(changes((await list({ filter: { tier: 'A' } })).json())).toEqual(['H-3:C>A', 'H-1:A>B', 'H-1:->A']);
    expect((await list({ filter: { cause: 'fact-change', policyVersion: 1 } })).json()).toHaveLength(5);
    expect((await list({ filter: { cause: ['regrade', 'policy-publish'] } })).json()).toEqual([]);
    const none = await list({ filter: { policyVersion: '2' } });
    expect(none.json()).toEqual([]);
    expect(none.headers['content-range']).toBe('tier-history */0');
  });

  it('filters by time', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect((await list({ filter: { from: today, to: today } })).json()).toHaveLength(5);
    expect((await list({ filter: { to: '2001-12-31' } })).json()).toHaveLength(0);
    const [latest] = (await list({ range: [0, 0] })).json<Entry[]>();
    expect((await list({ filter: { from: latest!.at } })).json<Entry[]>().map((entry) => entry.id)).toContain(latest!.id);
  });

  it('sorts and pages', async () => {
    const first = await list({ sort: ['customerId', 'ASC'], range: [0, 1] });
    const rest = await list({ sort: ['customerId', 'ASC'], range: [2, 4] });
    expect(first.headers['content-range']).toBe('tier-history 0-1/5');
    expect(rest.headers['content-range']).toBe('tier-history 2-4/5');
    const ids = [...first.json<Entry[]>(), ...rest.json<Entry[]>()].map((entry) => entry.customerId);
    expect(ids).toEqual(['H-1', 'H-1', 'H-2', 'H-3', 'H-3']);
    expect(changes((await list({ sort: ['newTier', 'DESC'], range: [0, 0] })).json())).toEqual(['H-3:->C']);
  });

  it('answers 400 listing every bad parameter', async () => {
    const response = await list({
      sort: ['facts', 'ASC'],
      filter: { cause: 'whim', policyVersion: 0, customerId: 'no spaces allowed', to: 'soon' },
    });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(['/filter/cause', '/filter/customerId', '/filter/policyVersion', '/filter/to', '/sort/0']);
  });

  it('is for readers: not for call-centre agents', async () => {
    expect((await list({}, await authHeaders(t, 'auditor'))).statusCode).toBe(200);
    expect((await list({}, await authHeaders(t, 'agent'))).statusCode).toBe(403);
    expect((await list({}, {})).statusCode).toBe(401);
  });

  it("still answers one customer's history beside the list", async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/customers/H-1/tier-history', headers: reader });
    expect(changes(response.json())).toEqual(['H-1:A>B', 'H-1:->A']);
  });

  describe('append-only at the SQL level', () => {
    it.each([
      ['UPDATE', `UPDATE tier_history SET new_tier = 'A'`],
      ['DELETE', 'DELETE FROM tier_history'],
      ['TRUNCATE', 'TRUNCATE tier_history'],
    ])('refuses %s', async (operation, statement) => {
      const before = await t.db.sql('SELECT * FROM tier_history ORDER BY id');
      await expect(t.db.sql(statement)).rejects.toThrow(`tier_history is append-only: ${operation} is not allowed`);
      expect(await t.db.sql('SELECT * FROM tier_history ORDER BY id')).toEqual(before);
    });

    it('refuses a delete of a single row, even by the table owner', async () => {
      await expect(t.db.sql(`DELETE FROM tier_history WHERE customer_id = 'H-1'`)).rejects.toMatchObject({ code: '42501' });
    });
  });
});
