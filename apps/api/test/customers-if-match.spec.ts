import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders } from './support/auth.js';
import { customerFactory, customerFacts } from './support/customer.factory.js';
import { putCustomer } from './support/http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Optimistic concurrency on customers: every read and write answers the
// version as an ETag, and If-Match makes a replace conditional on it.
describe('If-Match on PUT /api/v1/customers/{id}', () => {
  let t: TestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await authHeaders(t, 'admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (id: string) => t.app.inject({ method: 'GET', url: `/api/v1/customers/${id}`, headers: admin });

  it('saves with the current ETag, refuses a stale one with 412 and changes nothing', async () => {
    const customer = customerFactory({ name: 'First Name' });
    const created = await putCustomer(t.app, customer, admin);
    expect(created.statusCode).toBe(201);
    expect(created.headers['etag']).toBe('"1"');
    const read = await get(customer.id);
    expect(read.headers['etag']).toBe('"1"');

    // Two clients read version 1; the first to save wins.
    const first = await putCustomer(t.app, { ...customer, name: 'Second Name' }, { ...admin, 'if-match': String(read.headers['etag']) });
    expect(first.statusCode).toBe(200);
    expect(first.headers['etag']).toBe('"2"');
    expect(first.json()).toMatchObject({ name: 'Second Name', version: 2 });

    const stale = await putCustomer(
      t.app,
      { ...customer, name: 'Lost Update', facts: customerFacts('A') },
      { ...admin, 'if-match': String(read.headers['etag']) },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(stale.json()).toMatchObject({
      status: 412,
      code: 'version-conflict',
      detail: `customer '${customer.id}' is no longer at version 1; read it again and reapply your change`,
    });
    const after = await get(customer.id);
    expect(after.headers['etag']).toBe('"2"');
    expect(after.json()).toMatchObject({ name: 'Second Name', version: 2, tier: 'B' });

    // The client re-reads, and its change with the current ETag goes through.
    const retried = await putCustomer(t.app, { ...customer, name: 'Lost Update' }, { ...admin, 'if-match': '"2"' });
    expect(retried.statusCode).toBe(200);
    expect(retried.headers['etag']).toBe('"3"');
  });

  it('answers 404, not 412, when the customer an If-Match names does not exist', async () => {
    const response = await putCustomer(t.app, customerFactory(), { ...admin, 'if-match': '"1"' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'customer-not-found' });
  });

  it('refuses an If-Match that is not one version', async () => {
    const customer = customerFactory();
    await putCustomer(t.app, customer, admin);
    const response = await putCustomer(t.app, customer, { ...admin, 'if-match': 'W/"1", "2"' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid-request', errors: [{ path: '/headers/if-match' }] });
  });
});
