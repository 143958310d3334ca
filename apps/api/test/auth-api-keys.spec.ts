import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { authHeaders } from './support/auth.js';
import { customerFactory } from './support/customer.factory.js';
import { listQuery, putCustomer } from './support/http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface CreatedKey {
  id: string;
  name: string;
  role: string;
  prefix: string;
  key: string;
  createdBy: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

describe('API keys for call-centre systems', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  const customer = customerFactory({ tier: 'A' });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await authHeaders(t, 'admin');
    expect((await putCustomer(t.app, customer, admin)).statusCode).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  const createKey = (payload: unknown, headers = admin) =>
    t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers, payload: payload as object });
  const decision = (headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url: `/api/v1/decisions/${encodeURIComponent(customer.id)}`, headers });

  it('creates a key, shows it once, and lets it read decisions until revoked; then 401', async () => {
    const created = await createKey({ name: 'ivr-hotline', role: 'agent' }, { ...admin, 'x-request-id': 'key-create-1' });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const key = created.json<CreatedKey>();
    expect(key).toMatchObject({ name: 'ivr-hotline', role: 'agent', createdBy: 'user:test-admin', revokedAt: null });
    expect(key.key).toMatch(/^tw_[A-Za-z0-9_-]{43}$/);
    expect(key.key.startsWith(key.prefix)).toBe(true);
    expect(created.headers['location']).toBe(`/api/v1/api-keys/${key.id}`);

    const used = await decision({ 'x-api-key': key.key });
    expect(used.statusCode).toBe(200);
    expect(used.json()).toMatchObject({ customerId: customer.id, tier: 'A' });
    const seen = await t.app.inject({ method: 'GET', url: `/api/v1/api-keys/${key.id}`, headers: admin });
    expect(seen.json<{ lastUsedAt: string | null }>().lastUsedAt).not.toBeNull();
    expect(key).toMatchObject({ lastUsedAt: null });

    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${key.id}`,
      headers: { ...admin, 'x-request-id': 'key-revoke-1' },
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ id: key.id, revokedBy: 'user:test-admin' });
    expect(revoked.json<{ revokedAt: string | null }>().revokedAt).not.toBeNull();
    expect(revoked.json()).not.toHaveProperty('key');

    // In this process the verified key was cached; revocation must forget it at once.
    const refused = await decision({ 'x-api-key': key.key });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({
      code: 'unauthenticated',
      detail: 'the API key is not valid, has expired or has been revoked; ask an admin for a new one',
    });

    const audit = await t.db.sql<{ actor: string; action: string; target: string; summary: Record<string, unknown> }>(
      `SELECT actor, action, target, summary FROM audit_events WHERE request_id IN ('key-create-1', 'key-revoke-1') ORDER BY id`,
    );
    expect(audit).toEqual([
      {
        actor: 'user:test-admin',
        action: 'api-key.create',
        target: `api-key:${key.id}`,
        summary: { name: 'ivr-hotline', role: 'agent', prefix: key.prefix, expiresAt: null },
      },
      {
        actor: 'user:test-admin',
        action: 'api-key.revoke',
        target: `api-key:${key.id}`,
        summary: { name: 'ivr-hotline', role: 'agent', prefix: key.prefix },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(key.key);
  });

  describe('expiry', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('takes expiresAt on creation, shows it in the list, and refuses the key with 401 from then on', async () => {
      const expiresAt = new Date(Date.now() + 60 * 60_000).toISOString();
      const created = await createKey({ name: 'ivr-temporary', role: 'agent', expiresAt });
      expect(created.statusCode).toBe(201);
      const key = created.json<CreatedKey>();
      expect(key.expiresAt).toBe(expiresAt);
      const listed = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys?filter={"q":"ivr-temporary"}', headers: admin });
      expect(listed.json<CreatedKey[]>().map((row) => row.expiresAt)).toEqual([expiresAt]);

      // Used (and so remembered for a few seconds) while valid; refused once the clock passes expiresAt.
      expect((await decision({ 'x-api-key': key.key })).statusCode).toBe(200);
      vi.useFakeTimers({ toFake: ['Date'], now: new Date(expiresAt).getTime() + 1000 });
      const refused = await decision({ 'x-api-key': key.key });
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toMatchObject({
        code: 'unauthenticated',
        detail: `the API key expired at ${expiresAt}; ask an admin for a new one`,
      });
    });

    it('refuses a key whose expiry has passed in the database, even one never used before', async () => {
      const created = await createKey({ name: 'ivr-lapsed', role: 'agent', expiresAt: new Date(Date.now() + 60_000).toISOString() });
      const key = created.json<CreatedKey>();
      await t.db.sql(`UPDATE api_keys SET expires_at = now() - interval '1 minute' WHERE id = $1`, [key.id]);
      const refused = await decision({ 'x-api-key': key.key });
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toMatchObject({ code: 'unauthenticated' });
    });

    it('answers expiresAt null for a key made without one, and refuses an expiry in the past or not a date', async () => {
      const forever = await createKey({ name: 'ivr-forever', role: 'agent' });
      expect(forever.json<CreatedKey>().expiresAt).toBeNull();
      for (const expiresAt of ['2020-01-01T00:00:00Z', 'next tuesday', '2030-01-01', 42]) {
        const response = await createKey({ name: 'ivr-bad-expiry', role: 'agent', expiresAt });
        expect(response.statusCode, String(expiresAt)).toBe(400);
        expect(response.json<{ errors: { path: string }[] }>().errors.map((error) => error.path)).toEqual(['/expiresAt']);
      }
    });
  });

  it('stores only the SHA-256 of a key and its prefix, never the key', async () => {
    const key = (await createKey({ name: 'agent-desktop', role: 'agent' })).json<CreatedKey>();
    const [row] = await t.db.sql<Record<string, unknown>>(`SELECT * FROM api_keys WHERE id = $1`, [key.id]);
    expect(row!['key_hash']).toBe(createHash('sha256').update(key.key).digest('hex'));
    expect(row!['prefix']).toBe(key.key.slice(0, 9));
    expect(Object.values(row!).some((value) => typeof value === 'string' && value.includes(key.key))).toBe(false);
  });

  it('never shows a key again: not in the list, not on its own', async () => {
    const key = (await createKey({ name: 'crm-sync', role: 'auditor' })).json<CreatedKey>();
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: admin });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(key.key);
    const listed = list.json<Record<string, unknown>[]>();
    expect(listed.find((row) => row['id'] === key.id)).toMatchObject({ name: 'crm-sync', prefix: key.prefix, role: 'auditor' });
    for (const row of listed) {
      expect(row).not.toHaveProperty('key');
      expect(row).not.toHaveProperty('keyHash');
    }
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/api-keys/${key.id}`, headers: admin });
    expect(one.json()).not.toHaveProperty('key');
  });

  it('answers the list in the ra-data-simple-rest dialect: array and Content-Range, sorted and paged', async () => {
    await createKey({ name: 'zz-last', role: 'agent' });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/api-keys?${listQuery({ sort: ['name', 'ASC'], range: [0, 1] })}`,
      headers: admin,
    });
    expect(response.statusCode).toBe(200);
    const [count] = await t.db.sql<{ total: number }>(`SELECT count(*)::int AS total FROM api_keys`);
    expect(response.headers['content-range']).toBe(`api-keys 0-1/${count!.total}`);
    const names = response.json<{ name: string }[]>().map((row) => row.name);
    const [first, second] = await t.db.sql<{ name: string }>(`SELECT name FROM api_keys ORDER BY name ASC, id ASC LIMIT 2`);
    expect(names).toEqual([first!.name, second!.name]);
    const bad = await t.app.inject({ method: 'GET', url: `/api/v1/api-keys?${listQuery({ sort: ['key', 'ASC'] })}`, headers: admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid-request' });
  });

  it('acts on the key role: an agent key cannot read customers, an auditor key can but cannot write', async () => {
    const agent = (await createKey({ name: 'ivr-2', role: 'agent' })).json<CreatedKey>();
    const auditor = (await createKey({ name: 'reporting', role: 'auditor' })).json<CreatedKey>();
    const agentList = await t.app.inject({ method: 'GET', url: '/api/v1/customers', headers: { 'x-api-key': agent.key } });
    expect(agentList.statusCode).toBe(403);
    expect(agentList.json()).toMatchObject({ code: 'forbidden' });
    expect(agentList.json<{ detail: string }>().detail).toContain("api-key:ivr-2 has the role 'agent'");
    const auditorList = await t.app.inject({ method: 'GET', url: '/api/v1/customers', headers: { 'x-api-key': auditor.key } });
    expect(auditorList.statusCode).toBe(200);
    const write = await putCustomer(t.app, customerFactory(), { 'x-api-key': auditor.key });
    expect(write.statusCode).toBe(403);
  });

  it('names the key as the actor of what it does (tier history, audit)', async () => {
    const writer = (await createKey({ name: 'erp-import', role: 'admin' })).json<CreatedKey>();
    const written = customerFactory({ tier: 'C' });
    expect((await putCustomer(t.app, written, { 'x-api-key': writer.key })).statusCode).toBe(201);
    const history = await t.db.sql<{ actor: string }>(`SELECT actor FROM tier_history WHERE customer_id = $1`, [written.id]);
    expect(history).toEqual([{ actor: 'api-key:erp-import' }]);
    const audit = await t.db.sql<{ actor: string }>(`SELECT actor FROM audit_events WHERE target = $1`, [`customer:${written.id}`]);
    expect(audit).toEqual([{ actor: 'api-key:erp-import' }]);
  });

  it('refuses malformed, unknown and doubled credentials with 401', async () => {
    const live = (await createKey({ name: 'doubled', role: 'agent' })).json<CreatedKey>();
    const attempts: Record<string, string>[] = [
      { 'x-api-key': 'tw_short' },
      { 'x-api-key': `tw_${'A'.repeat(43)}` },
      { 'x-api-key': live.key, authorization: admin['authorization']! },
      { authorization: `Bearer ${live.key}` },
    ];
    for (const headers of attempts) {
      const response = await decision(headers);
      expect(response.statusCode, JSON.stringify(headers)).toBe(401);
      expect(response.json()).toMatchObject({ code: 'unauthenticated' });
    }
  });

  it('keeps two live keys from sharing a name, but frees the name once revoked', async () => {
    const first = (await createKey({ name: 'queue-router', role: 'agent' })).json<CreatedKey>();
    const clash = await createKey({ name: 'queue-router', role: 'agent' });
    expect(clash.statusCode).toBe(400);
    expect(clash.json()).toMatchObject({ code: 'invalid-request', errors: [{ path: '/name' }] });
    await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${first.id}`, headers: admin });
    expect((await createKey({ name: 'queue-router', role: 'agent' })).statusCode).toBe(201);
  });

  it('checks the body and answers 404 for a key that does not exist', async () => {
    const bad = await createKey({ name: '', role: 'janitor', extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<{ errors: { path: string }[] }>()
        .errors.map((error) => error.path)
        .sort(),
    ).toEqual(['/extra', '/name', '/role']);
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const missing = await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${id}`, headers: admin });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ code: 'api-key-not-found' });
    }
  });

  it('lets only admins create or revoke keys; auditors may list them', async () => {
    const author = await authHeaders(t, 'author');
    const auditor = await authHeaders(t, 'auditor');
    expect((await createKey({ name: 'sneaky', role: 'admin' }, author)).statusCode).toBe(403);
    expect((await createKey({ name: 'sneaky', role: 'admin' }, auditor)).statusCode).toBe(403);
    const some = (await createKey({ name: 'kept', role: 'agent' })).json<CreatedKey>();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${some.id}`, headers: auditor })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: auditor })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: author })).statusCode).toBe(403);
  });
});
