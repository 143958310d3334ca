import type { AddressInfo } from 'node:net';
import { fetchUtils, HttpError, type DataProvider } from 'ra-core';
import simpleRestProvider from 'ra-data-simple-rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/auth/role.js';
import { authHeaders } from './support/auth.js';
import { customerFactory } from './support/customer.factory.js';
import { waitForRun } from './support/grading-runs.js';
import { putCustomer } from './support/http.js';
import { call } from './support/policies-helpers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// react-admin's own REST data provider (ra-data-simple-rest 5.15, as the console
// will use it) against the real app on a real port: every resource, every call
// react-admin makes, exactly as the provider sends it. What a resource does not
// support is a clear problem+json answer, asserted as such.

type Row = Record<string, unknown> & { id: string | number };

const STRONG_PASSWORD = 'violet harbour kettle quartz 9';

let t: TestApp;
let baseUrl: string;
const providers = new Map<Role, DataProvider>();

/** The provider as a console user with `role` would hold it: a bearer token sent through fetchUtils' `user` option. */
async function as(role: Role): Promise<DataProvider> {
  let provider = providers.get(role);
  if (!provider) {
    const token = (await authHeaders(t, role))['authorization']!;
    const httpClient = (url: string, options: fetchUtils.Options = {}) =>
      fetchUtils.fetchJson(url, { ...options, user: { authenticated: true, token } });
    provider = simpleRestProvider(`${baseUrl}/api/v1`, httpClient);
    providers.set(role, provider);
  }
  return provider;
}

/** The HttpError the provider rejects with, which must carry a problem+json body. */
async function refusal(call: Promise<unknown>): Promise<{ status: number; code: string; detail: string; errors?: { path: string }[] }> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(HttpError);
  const { status, body } = error as Omit<HttpError, 'body'> & { body: { status: number; code: string; detail: string; type: string } };
  expect(body, 'a problem+json body').toMatchObject({ status, type: expect.stringMatching(/^urn:tierwise:problem:/) as unknown });
  expect(body.detail.length).toBeGreaterThan(0);
  return body;
}

// What react-admin's <List> asks for when the view names no sort: id, ascending, first page of 10.
const DEFAULT_LIST = { pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' as const }, filter: {} };

const ids = (rows: readonly Row[]) => rows.map((row) => row.id);

beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await t.close();
});

describe('ra-data-simple-rest: customers', () => {
  const customers = [
    customerFactory({ tier: 'A', id: 'ra-c-1' }),
    customerFactory({ tier: 'B', id: 'ra-c-2' }),
    customerFactory({ tier: 'C', id: 'ra-c-3' }),
  ];

  beforeAll(async () => {
    const admin = await authHeaders(t, 'admin');
    for (const customer of customers) expect((await putCustomer(t.app, customer, admin)).statusCode).toBe(201);
  });

  it('getList sorts by id by default, pages with Content-Range, and sorts by policyVersion', async () => {
    const ra = await as('auditor');
    const page = await ra.getList<Row>('customers', { ...DEFAULT_LIST, pagination: { page: 1, perPage: 2 } });
    expect(ids(page.data)).toEqual(['ra-c-1', 'ra-c-2']);
    expect(page.total).toBe(3);
    const byVersion = await ra.getList<Row>('customers', { ...DEFAULT_LIST, sort: { field: 'policyVersion', order: 'DESC' } });
    expect(byVersion.data.every((row) => row['policyVersion'] === 1)).toBe(true);
  });

  it('getOne, getMany and getManyReference answer records with their id', async () => {
    const ra = await as('auditor');
    expect((await ra.getOne<Row>('customers', { id: 'ra-c-2' })).data).toMatchObject({ id: 'ra-c-2', tier: 'B' });
    const many = await ra.getMany<Row>('customers', { ids: ['ra-c-3', 'ra-c-1'] });
    expect(ids(many.data).sort()).toEqual(['ra-c-1', 'ra-c-3']);
    const inTierA = await ra.getManyReference<Row>('customers', { target: 'tier', id: 'A', ...DEFAULT_LIST });
    expect(ids(inTierA.data)).toEqual(['ra-c-1']);
  });

  it('update sends the whole record back with PUT; read-only fields are ignored', async () => {
    const ra = await as('admin');
    const { data: previousData } = await ra.getOne<Row>('customers', { id: 'ra-c-2' });
    const { data } = await ra.update<Row>('customers', {
      id: 'ra-c-2',
      data: { ...previousData, name: 'Renamed by the console' },
      previousData,
    });
    expect(data).toMatchObject({ id: 'ra-c-2', name: 'Renamed by the console', version: 2 });
  });

  it('create and delete are not offered (customers are created by PUT to their id, and never deleted): problem+json', async () => {
    const ra = await as('admin');
    expect((await refusal(ra.create('customers', { data: { name: 'x', facts: {} } }))).status).toBe(404);
    expect((await refusal(ra.delete('customers', { id: 'ra-c-3' }))).status).toBe(404);
    expect((await ra.getOne<Row>('customers', { id: 'ra-c-3' })).data.id).toBe('ra-c-3');
  });

  it('the per-customer tier history pages, sorts and filters like the others', async () => {
    const ra = await as('auditor');
    const admin = await authHeaders(t, 'admin');
    // A fact change that moves C-3 from C to A: two entries in its history.
    expect((await putCustomer(t.app, { ...customers[2]!, facts: customerFactory({ tier: 'A' }).facts }, admin)).statusCode).toBe(200);
    const resource = 'customers/ra-c-3/tier-history';
    const all = await ra.getList<Row>(resource, DEFAULT_LIST);
    expect(all.total).toBe(2);
    expect(all.data.map((row) => row['newTier'])).toEqual(['C', 'A']);
    const newest = await ra.getList<Row>(resource, {
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'at', order: 'DESC' },
      filter: {},
    });
    expect(newest).toMatchObject({ total: 2, data: [{ newTier: 'A', previousTier: 'C' }] });
    const filtered = await ra.getList<Row>(resource, { ...DEFAULT_LIST, filter: { tier: 'C', cause: 'fact-change' } });
    expect(filtered.total).toBe(2);
    const none = await ra.getList<Row>(resource, { ...DEFAULT_LIST, filter: { customerId: 'ra-c-1' } });
    expect(none).toEqual({ data: [], total: 0 });
    expect((await refusal(ra.getList('customers/nobody/tier-history', DEFAULT_LIST))).code).toBe('customer-not-found');
  });
});

describe('ra-data-simple-rest: decisions', () => {
  beforeAll(async () => {
    expect((await putCustomer(t.app, customerFactory({ tier: 'A', id: 'ra-d-1' }), await authHeaders(t, 'admin'))).statusCode).toBe(201);
  });

  it('getOne answers the stored decision with id = customerId', async () => {
    const ra = await as('agent');
    const { data } = await ra.getOne<Row>('decisions', { id: 'ra-d-1' });
    expect(data).toMatchObject({ id: 'ra-d-1', customerId: 'ra-d-1', tier: 'A' });
  });

  it('is not a list, and is written only through customers: problem+json for the rest', async () => {
    const ra = await as('admin');
    const list = await refusal(ra.getList('decisions', DEFAULT_LIST));
    expect(list).toMatchObject({ status: 400, code: 'invalid-request' });
    expect(list.detail).toMatch(/phone/);
    expect((await refusal(ra.getMany('decisions', { ids: ['ra-d-1'] }))).status).toBe(400);
    expect((await refusal(ra.update('decisions', { id: 'ra-d-1', data: { tier: 'C' }, previousData: { id: 'ra-d-1' } }))).status).toBe(404);
    expect((await refusal(ra.create('decisions', { data: { customerId: 'x' } }))).status).toBe(404);
    expect((await refusal(ra.delete('decisions', { id: 'ra-d-1' }))).status).toBe(404);
  });
});

describe('ra-data-simple-rest: policies and their versions', () => {
  const versions = 'policies/default/versions';

  it('the policies list honours filter and range, sorts by id, and getOne/getMany answer', async () => {
    const ra = await as('auditor');
    const all = await ra.getList<Row>('policies', DEFAULT_LIST);
    expect(ids(all.data)).toEqual(['default']);
    expect(all.total).toBe(1);
    expect(await ra.getList<Row>('policies', { ...DEFAULT_LIST, filter: { q: 'no such policy' } })).toEqual({ data: [], total: 0 });
    expect((await ra.getList<Row>('policies', { ...DEFAULT_LIST, filter: { q: 'DEF', published: true } })).total).toBe(1);
    const secondPage = await ra.getList<Row>('policies', { ...DEFAULT_LIST, pagination: { page: 2, perPage: 1 } });
    expect(secondPage).toEqual({ data: [], total: 1 });
    expect((await ra.getOne<Row>('policies', { id: 'default' })).data).toMatchObject({ id: 'default', publishedVersion: 1 });
    expect(ids((await ra.getMany<Row>('policies', { ids: ['default'] })).data)).toEqual(['default']);
  });

  it('policies are created with POST and updated with PUT of the whole record, never deleted: problem+json', async () => {
    const created = await (await as('author')).create<Row>('policies', { data: { id: 'ra-other', name: 'Another' } });
    expect(created.data).toMatchObject({ id: 'ra-other', grading: false, latestVersion: 1 });
    const publisher = await as('publisher');
    const { data: record } = await publisher.getOne<Row>('policies', { id: 'ra-other' });
    const updated = await publisher.update<Row>('policies', {
      id: 'ra-other',
      data: { ...record, schedule: '0 4 * * *' },
      previousData: record,
    });
    expect(updated.data).toMatchObject({ id: 'ra-other', schedule: '0 4 * * *', grading: false });
    expect(
      (await refusal(publisher.update('policies', { id: 'ra-other', data: { ...record, grading: true }, previousData: record }))).status,
    ).toBe(409);
    expect((await refusal((await as('admin')).delete('policies', { id: 'default' }))).status).toBe(404);
  });

  it('versions: create a draft, list by id and by createdAt, getMany, getManyReference by status', async () => {
    const ra = await as('author');
    const { data: draft } = await ra.create<Row>(versions, { data: { note: 'from the console' } });
    expect(draft).toMatchObject({ id: 2, version: 2, status: 'draft', note: 'from the console' });

    const byId = await ra.getList<Row>(versions, DEFAULT_LIST);
    expect(ids(byId.data)).toEqual([1, 2]);
    const newestFirst = await ra.getList<Row>(versions, { ...DEFAULT_LIST, sort: { field: 'createdAt', order: 'DESC' } });
    expect(ids(newestFirst.data)).toEqual([2, 1]);
    expect(ids((await ra.getMany<Row>(versions, { ids: [2, 1] })).data).sort()).toEqual([1, 2]);
    const drafts = await ra.getManyReference<Row>(versions, { target: 'status', id: 'draft', ...DEFAULT_LIST });
    expect(ids(drafts.data)).toEqual([2]);
  });

  it('update takes the record as react-admin sends it back (read-only fields ignored), and checks its revision', async () => {
    const ra = await as('author');
    const { data: previousData } = await ra.getOne<Row>(versions, { id: 2 });
    expect(previousData).toMatchObject({ revision: 1, lintFindings: expect.any(Array) as unknown });
    const { data: saved } = await ra.update<Row>(versions, { id: 2, data: { ...previousData, note: 'edited' }, previousData });
    expect(saved).toMatchObject({ id: 2, revision: 2, note: 'edited' });

    // The same stale record again: somebody else's save would be overwritten.
    const stale = await refusal(ra.update(versions, { id: 2, data: { ...previousData, note: 'stale' }, previousData }));
    expect(stale).toMatchObject({ status: 409, code: 'draft-conflict' });
    // A record sent to another version's address is refused, not applied there.
    const misaddressed = await refusal(ra.update(versions, { id: 2, data: { ...saved, id: 1 }, previousData: saved }));
    expect(misaddressed).toMatchObject({ status: 400, errors: [{ path: '/id' }] });
  });

  it('delete discards a draft (DELETE with text/plain and no body, as the provider sends it)', async () => {
    const ra = await as('author');
    const { data } = await ra.delete<Row>(versions, { id: 2 });
    expect(data).toMatchObject({ id: 2, status: 'discarded' });
    expect((await refusal(ra.delete(versions, { id: 1 }))).code).toBe('not-a-draft');
  });
});

describe('ra-data-simple-rest: users and API keys', () => {
  it('users: create, list by id (the default sort), getMany, getManyReference by role', async () => {
    const ra = await as('admin');
    const { data: created } = await ra.create<Row>('users', { data: { username: 'ra-carol', password: STRONG_PASSWORD, role: 'author' } });
    expect(created).toMatchObject({ id: 'ra-carol', role: 'author' });
    expect(created).not.toHaveProperty('password');

    const list = await ra.getList<Row>('users', { ...DEFAULT_LIST, pagination: { page: 1, perPage: 100 } });
    const listed = ids(list.data) as string[];
    expect(listed).toEqual([...listed].sort());
    expect(listed).toContain('ra-carol');
    const many = await ra.getMany<Row>('users', { ids: ['ra-carol', 'admin'] });
    expect(ids(many.data).sort()).toEqual(['admin', 'ra-carol']);
    const authors = await ra.getManyReference<Row>('users', { target: 'role', id: 'author', ...DEFAULT_LIST });
    expect(ids(authors.data)).toContain('ra-carol');
  });

  it('users: update with PUT takes the whole record (read-only fields ignored); PATCH still works', async () => {
    const ra = await as('admin');
    const { data: previousData } = await ra.getOne<Row>('users', { id: 'ra-carol' });
    const { data } = await ra.update<Row>('users', { id: 'ra-carol', data: { ...previousData, role: 'publisher' }, previousData });
    expect(data).toMatchObject({ id: 'ra-carol', role: 'publisher', disabled: false });

    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/users/ra-carol',
      headers: await authHeaders(t, 'admin'),
      payload: { disabled: true },
    });
    expect(patched.json()).toMatchObject({ role: 'publisher', disabled: true });

    const misaddressed = await refusal(ra.update('users', { id: 'ra-carol', data: { ...data, id: 'admin' }, previousData: data }));
    expect(misaddressed).toMatchObject({ status: 400, errors: [{ path: '/id' }] });
  });

  it('users cannot be deleted (disable them instead): problem+json', async () => {
    const ra = await as('admin');
    expect((await refusal(ra.delete('users', { id: 'ra-carol' }))).status).toBe(404);
  });

  it('API keys: create, list by id, getMany, getOne; delete revokes; update is not offered', async () => {
    const ra = await as('admin');
    const { data: created } = await ra.create<Row>('api-keys', { data: { name: 'ra-ivr', role: 'agent' } });
    expect(created).toMatchObject({ name: 'ra-ivr', role: 'agent', key: expect.any(String) as unknown });
    const second = (await ra.create<Row>('api-keys', { data: { name: 'ra-crm', role: 'auditor' } })).data;

    const list = await ra.getList<Row>('api-keys', DEFAULT_LIST);
    const listed = ids(list.data) as string[];
    expect(listed).toEqual([...listed].sort());
    expect(list.data.every((row) => !('key' in row))).toBe(true);
    const many = await ra.getMany<Row>('api-keys', { ids: [created.id, second.id] });
    expect(ids(many.data).sort()).toEqual([created.id, second.id].sort());
    expect((await ra.getOne<Row>('api-keys', { id: created.id })).data).toMatchObject({ name: 'ra-ivr' });

    const { data: revoked } = await ra.delete<Row>('api-keys', { id: created.id });
    expect(revoked).toMatchObject({ id: created.id, revokedBy: 'user:test-admin' });
    expect((await refusal(ra.update('api-keys', { id: second.id, data: { ...second, role: 'admin' }, previousData: second }))).status).toBe(
      404,
    );
  });
});

describe('ra-data-simple-rest: tier history and audit events', () => {
  it('tier history: list by id, getMany, getManyReference by customer', async () => {
    const ra = await as('auditor');
    expect((await putCustomer(t.app, customerFactory({ tier: 'B', id: 'ra-h-1' }), await authHeaders(t, 'admin'))).statusCode).toBe(201);
    const list = await ra.getList<Row>('tier-history', { ...DEFAULT_LIST, pagination: { page: 1, perPage: 500 } });
    const listed = ids(list.data) as number[];
    expect(listed).toEqual([...listed].sort((a, b) => a - b));
    const picked = [listed[0]!, listed.at(-1)!];
    expect(ids((await ra.getMany<Row>('tier-history', { ids: picked })).data).sort()).toEqual([...picked].sort());
    const ofOne = await ra.getManyReference<Row>('tier-history', { target: 'customerId', id: 'ra-h-1', ...DEFAULT_LIST });
    expect(ofOne.data).toEqual([expect.objectContaining({ customerId: 'ra-h-1', newTier: 'B' })]);
  });

  it('tier history is written only by gradings: no create, update or delete', async () => {
    const ra = await as('admin');
    expect((await refusal(ra.create('tier-history', { data: { customerId: 'ra-h-1' } }))).status).toBe(404);
    expect((await refusal(ra.update('tier-history', { id: 1, data: {}, previousData: { id: 1 } }))).status).toBe(404);
    expect((await refusal(ra.delete('tier-history', { id: 1 }))).status).toBe(404);
  });

  it('audit events: list by id, getMany of more ids than a default page, getManyReference by target', async () => {
    const ra = await as('auditor');
    const list = await ra.getList<Row>('audit-events', { ...DEFAULT_LIST, pagination: { page: 1, perPage: 500 } });
    const listed = ids(list.data) as number[];
    expect(listed).toEqual([...listed].sort((a, b) => a - b));
    // getMany sends no range: every id asked for is answered, not only a first page of 25.
    expect(listed.length).toBeGreaterThan(25);
    const many = await ra.getMany<Row>('audit-events', { ids: [...listed].reverse() });
    expect(many.data).toHaveLength(listed.length);
    const ofCustomer = await ra.getManyReference<Row>('audit-events', { target: 'target', id: 'customer:ra-c-2', ...DEFAULT_LIST });
    expect(ofCustomer.data.map((row) => row['action'])).toEqual(['customer.create', 'customer.update']);
  });

  it('the audit log is append-only: no create, update or delete', async () => {
    const ra = await as('admin');
    expect((await refusal(ra.create('audit-events', { data: { action: 'forged' } }))).status).toBe(404);
    expect((await refusal(ra.update('audit-events', { id: 1, data: {}, previousData: { id: 1 } }))).status).toBe(404);
    expect((await refusal(ra.delete('audit-events', { id: 1 }))).status).toBe(404);
  });
});

describe('ra-data-simple-rest: grading runs', () => {
  it('create starts a run (202 with its id); getList, getOne, getMany and getManyReference by kind read them', async () => {
    const publisher = await as('publisher');
    const created = await publisher.create<Row>('grading-runs', { data: { filter: { tiers: ['A'] } } });
    expect(created.data).toMatchObject({ id: expect.any(Number), kind: 'grade', cause: 'manual' });
    const runId = created.data.id as number;
    await waitForRun(t, runId);
    const simulated = (await call(t, 'publisher', 'POST', '/api/v1/policies/default/versions/1/simulate', {})).json<{ id: number }>();
    await waitForRun(t, simulated.id);

    const ra = await as('auditor');
    const list = await ra.getList<Row>('grading-runs', DEFAULT_LIST);
    expect(ids(list.data)).toEqual([runId, simulated.id].sort((a, b) => a - b));
    expect(list.total).toBe(2);
    expect((await ra.getOne<Row>('grading-runs', { id: runId })).data).toMatchObject({ id: runId, status: 'succeeded' });
    expect(ids((await ra.getMany<Row>('grading-runs', { ids: [simulated.id, runId] })).data).sort()).toEqual([runId, simulated.id].sort());
    const simulations = await ra.getManyReference<Row>('grading-runs', { target: 'kind', id: 'simulation', ...DEFAULT_LIST });
    expect(ids(simulations.data)).toEqual([simulated.id]);
  });

  it('runs are never changed or deleted, and an auditor cannot start one: problem+json', async () => {
    expect((await refusal((await as('auditor')).create('grading-runs', { data: {} }))).status).toBe(403);
    const admin = await as('admin');
    expect((await refusal(admin.update('grading-runs', { id: 1, data: {}, previousData: { id: 1 } }))).status).toBe(404);
    expect((await refusal(admin.delete('grading-runs', { id: 1 }))).status).toBe(404);
  });
});
