import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, TEST_PASSWORD } from './support/auth.js';
import { listQuery } from './support/http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('users, managed by admins', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await authHeaders(t, 'admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const createUser = (payload: unknown, headers = admin) =>
    t.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: payload as object });
  const patchUser = (username: string, payload: unknown, headers = admin) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/users/${username}`, headers, payload: payload as object });
  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

  it('creates a user with a role; the answer never holds the password or its hash', async () => {
    const response = await createUser(
      { username: 'Alice', password: 'alice likes long passwords', role: 'author' },
      { ...admin, 'x-request-id': 'user-create-1' },
    );
    expect(response.statusCode).toBe(201);
    expect(response.headers['location']).toBe('/api/v1/users/alice');
    expect(response.json()).toEqual({
      id: 'alice',
      username: 'alice',
      role: 'author',
      disabled: false,
      createdBy: 'user:test-admin',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(response.body).not.toContain('scrypt');
    expect((await login('alice', 'alice likes long passwords')).statusCode).toBe(200);
    const audit = await t.db.sql(`SELECT actor, action, target, summary FROM audit_events WHERE request_id = 'user-create-1'`);
    expect(audit).toEqual([{ actor: 'user:test-admin', action: 'user.create', target: 'user:alice', summary: { role: 'author' } }]);
  });

  it('refuses a taken user name with 409 user-exists', async () => {
    await createUser({ username: 'bob', password: TEST_PASSWORD, role: 'agent' });
    const again = await createUser({ username: 'BOB', password: TEST_PASSWORD, role: 'auditor' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'user-exists', detail: "the user name 'bob' is taken; choose another" });
  });

  it('checks every field of a new user at once', async () => {
    const response = await createUser({ username: ' bad name!', password: 'short', role: 'owner', email: 'x@y' });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json<{ errors: { path: string }[] }>()
        .errors.map((error) => error.path)
        .sort(),
    ).toEqual(['/email', '/password', '/role', '/username']);
  });

  it('lists users in the ra-data-simple-rest dialect, filtered by role', async () => {
    await createUser({ username: 'carol', password: TEST_PASSWORD, role: 'publisher' });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users?${listQuery({ sort: ['username', 'DESC'], range: [0, 9], filter: { role: 'publisher' } })}`,
      headers: admin,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-range']).toBe('users 0-0/1');
    expect(response.json()).toEqual([expect.objectContaining({ id: 'carol', role: 'publisher' })]);
    const all = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: admin });
    const names = all.json<{ username: string }[]>().map((user) => user.username);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['admin', 'alice', 'bob', 'carol', 'test-admin']));
    expect(all.body).not.toContain('scrypt');
  });

  it('changes a role and a password, auditing what changed but not the password', async () => {
    await createUser({ username: 'dave', password: TEST_PASSWORD, role: 'agent' });
    const response = await patchUser(
      'dave',
      { role: 'publisher', password: 'dave has a brand new password' },
      { ...admin, 'x-request-id': 'user-patch-1' },
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: 'dave', role: 'publisher', disabled: false });
    expect((await login('dave', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login('dave', 'dave has a brand new password')).statusCode).toBe(200);
    const audit = await t.db.sql<{ summary: Record<string, unknown> }>(
      `SELECT summary FROM audit_events WHERE request_id = 'user-patch-1'`,
    );
    expect(audit).toEqual([{ summary: { changes: { role: { before: 'agent', after: 'publisher' } }, passwordChanged: true } }]);
  });

  it('never disables or demotes the last enabled admin', async () => {
    // Two admins exist (the first admin and test-admin): disabling one leaves the other.
    expect((await patchUser('admin', { disabled: true })).statusCode).toBe(200);
    const last = await patchUser('test-admin', { role: 'auditor' });
    expect(last.statusCode).toBe(400);
    expect(last.json()).toMatchObject({
      code: 'invalid-request',
      errors: [{ path: '/role', message: expect.stringContaining('last enabled admin') }],
    });
    expect((await patchUser('test-admin', { disabled: true })).statusCode).toBe(400);
    expect((await patchUser('admin', { disabled: false })).statusCode).toBe(200);
  });

  it('answers 404 user-not-found for a user that does not exist', async () => {
    for (const response of [
      await patchUser('nobody', { role: 'agent' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/users/nobody', headers: admin }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'user-not-found' });
    }
  });

  it('lets only admins create or change users; auditors may read them', async () => {
    const auditor = await authHeaders(t, 'auditor');
    const publisher = await authHeaders(t, 'publisher');
    expect((await createUser({ username: 'eve', password: TEST_PASSWORD, role: 'admin' }, auditor)).statusCode).toBe(403);
    expect((await createUser({ username: 'eve', password: TEST_PASSWORD, role: 'admin' }, publisher)).statusCode).toBe(403);
    expect((await patchUser('test-publisher', { role: 'admin' }, publisher)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users/alice', headers: auditor })).statusCode).toBe(200);
    expect(await t.db.sql(`SELECT username FROM users WHERE username = 'eve'`)).toEqual([]);
  });
});
