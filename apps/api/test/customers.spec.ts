import type { Problem } from '../src/common/problem.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders } from './support/auth.js';
import { customerFacts, customerFactory } from './support/customer.factory.js';
import { listQuery, putCustomer, errorPaths } from './support/http.js';
import { jsonl, postImport } from './support/import.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Customer {
  id: string;
  name: string;
  tier: string | null;
  score: number | null;
}

describe('customers list and single writes', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let reader: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await authHeaders(t, 'admin');
    reader = await authHeaders(t, 'author');
    const customers = [
      customerFactory({ id: 'L-01', name: 'Alpha Mining', tier: 'A' }),
      customerFactory({ id: 'L-02', name: 'Beta Foods', tier: 'B' }),
      customerFactory({ id: 'L-03', name: 'Gamma 100% Steel', tier: 'C' }),
      customerFactory({ id: 'L-04', name: 'Delta Mining', tier: 'B' }),
      customerFactory({ id: 'X-mining', name: 'Epsilon', tier: 'C' }),
    ];
    expect((await postImport(t, 'application/x-ndjson', jsonl(customers), admin)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function list(params: { sort?: unknown; range?: unknown; filter?: unknown }) {
    return t.app.inject({ method: 'GET', url: `/api/v1/customers?${listQuery(params)}`, headers: reader });
  }
  const ids = (response: { json: () => unknown }) => (response.json() as Customer[]).map((customer) => customer.id);

  it('lists by name by default, with Content-Range', async () => {
    const response = await list({});
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-range']).toBe('customers 0-4/5');
    expect(ids(response)).toEqual(['L-01', 'L-02', 'L-04', 'X-mining', 'L-03']);
  });

  it('filters by tier, one or several', async () => {
    expect(ids(await list({ filter: { tier: 'B' } }))).toEqual(['L-02', 'L-04']);
    const response = await list({ filter: { tier: ['A', 'C'] }, sort: ['id', 'ASC'] });
    expect(ids(response)).toEqual(['L-01', 'L-03', 'X-mining']);
    expect(response.headers['content-range']).toBe('customers 0-2/3');
  });

  it('searches names and ids with q, case-insensitively, taking % and _ literally', async () => {
    expect(ids(await list({ filter: { q: 'mining' }, sort: ['id', 'ASC'] }))).toEqual(['L-01', 'L-04', 'X-mining']);
    expect(ids(await list({ filter: { q: '100%' } }))).toEqual(['L-03']);
    expect(ids(await list({ filter: { q: 'L_0' } }))).toEqual([]);
    expect(ids(await list({ filter: { q: 'mining', tier: 'B' } }))).toEqual(['L-04']);
  });

  it('sorts and pages', async () => {
    const byScore = await list({ sort: ['score', 'DESC'], range: [0, 1] });
    expect(ids(byScore)[0]).toBe('L-01');
    expect(byScore.headers['content-range']).toBe('customers 0-1/5');
    const secondPage = await list({ sort: ['id', 'DESC'], range: [2, 3] });
    expect(ids(secondPage)).toEqual(['L-03', 'L-02']);
    expect(secondPage.headers['content-range']).toBe('customers 2-3/5');
    const pastTheEnd = await list({ range: [10, 19] });
    expect(pastTheEnd.json()).toEqual([]);
    expect(pastTheEnd.headers['content-range']).toBe('customers */5');
  });

  it('answers 400 to bad list parameters', async () => {
    const response = await list({ sort: ['facts', 'UP'], filter: { colour: 'red' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid-request' });
  });

  it('refuses a bad record with 422 listing every problem, and writes nothing', async () => {
    const count = async () => (await t.db.sql<{ n: number }>('SELECT count(*)::int AS n FROM customers'))[0]!.n;
    const before = await count();
    const facts = { ...customerFacts('B', { strength: 'strong', shoeSize: 44 }) } as Record<string, unknown>;
    delete facts['growth'];
    const response = await putCustomer(t.app, { id: 'BAD-1', name: 'Bad', facts }, admin);
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json<Problem>().code).toBe('invalid-facts');
    expect(errorPaths(response)).toEqual(['/facts/growth', '/facts/shoeSize', '/facts/strength']);
    expect(await count()).toBe(before);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/customers/BAD-1', headers: reader })).statusCode).toBe(404);
  });

  it('refuses a body of the wrong shape with 400 listing every problem', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/customers/BAD-2',
      headers: admin,
      payload: { name: '', facts: [], colour: 'red' },
    });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(['/colour', '/facts', '/name']);
    expect((await t.db.sql(`SELECT 1 FROM customers WHERE id = 'BAD-2'`)).length).toBe(0);
  });
});
