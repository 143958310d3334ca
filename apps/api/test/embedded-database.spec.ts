import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import { authHeaders } from './support/auth.js';
import { customerFactory } from './support/customer.factory.js';
import { putCustomer } from './support/http.js';
import { startEmbeddedTestApp, type TestApp } from './support/test-app.js';

// `npm start` with no environment: embedded PGlite in a data folder. The same
// app, migrations and seeding as on PostgreSQL, and the data survives a restart.
const DEMO_CUSTOMERS = 40;

describe('embedded PGlite database', () => {
  let dataDir: string;
  let t: TestApp | undefined;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tierwise-pglite-'));
  });
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function customerTotal(app: TestApp): Promise<number> {
    const response = await app.app.inject({
      method: 'GET',
      url: '/api/v1/customers?range=[0,0]',
      headers: await authHeaders(app, 'auditor'),
    });
    expect(response.statusCode).toBe(200);
    return Number(/\/(\d+)$/.exec(String(response.headers['content-range']))![1]);
  }

  async function decision(app: TestApp, customerId: string) {
    const response = await app.app.inject({
      method: 'GET',
      url: `/api/v1/decisions/${customerId}`,
      headers: await authHeaders(app, 'agent'),
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ customerId: string; tier: string; policy: { id: string; version: number; hash: string } }>();
  }

  const added = customerFactory({ tier: 'A' });

  it('starts on an empty folder: migrates, publishes the seed policy, grades the demo customers', async () => {
    t = await startEmbeddedTestApp(dataDir, { demoCustomers: DEMO_CUSTOMERS });
    expect((await t.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);

    const policy = await t.app.inject({
      method: 'GET',
      url: '/api/v1/policies/default/versions/1',
      headers: await authHeaders(t, 'auditor'),
    });
    expect(policy.statusCode).toBe(200);
    expect(policy.json()).toMatchObject({ policyId: 'default', version: 1, status: 'published' });

    expect(await customerTotal(t)).toBe(DEMO_CUSTOMERS);
    const [graded] = await t.db.sql<{ n: number }>('SELECT count(*)::int AS n FROM tier_assignments');
    expect(graded!.n).toBe(DEMO_CUSTOMERS);
    expect(await decision(t, 'C-0001')).toMatchObject({ customerId: 'C-0001', policy: { id: 'default', version: 1 } });
  });

  it('stores and grades a customer written through the API', async () => {
    expect((await putCustomer(t!.app, added, await authHeaders(t!, 'admin'))).statusCode).toBe(201);
    expect(await decision(t!, added.id)).toMatchObject({ customerId: added.id, tier: 'A' });
  });

  it('keeps everything across a restart on the same folder, without migrating or seeding again', async () => {
    const before = await decision(t!, 'C-0001');
    await t!.close();
    t = undefined;
    t = await startEmbeddedTestApp(dataDir, { demoCustomers: DEMO_CUSTOMERS });

    expect((await t.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
    expect(await customerTotal(t)).toBe(DEMO_CUSTOMERS + 1);
    expect(await decision(t, added.id)).toMatchObject({ customerId: added.id, tier: 'A' });
    expect(await decision(t, 'C-0001')).toEqual(before);
    const migrations = await t.db.sql<{ n: number }>('SELECT count(*)::int AS n FROM migrations');
    expect(migrations[0]!.n).toBe(MIGRATIONS.length);
    const versions = await t.db.sql<{ n: number }>('SELECT count(*)::int AS n FROM policy_versions');
    expect(versions[0]!.n).toBe(1);
  });
});
