import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, TEST_PASSWORD } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('passwords: strength, and changing your own', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await authHeaders(t, 'admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const createUser = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload: { username, password, role: 'auditor' } });
  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  const changeOwn = (headers: Record<string, string>, payload: object) =>
    t.app.inject({ method: 'PUT', url: '/api/v1/auth/password', headers, payload });
  const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
  const signIn = async (username: string, password: string) => {
    const response = await login(username, password);
    expect(response.statusCode).toBe(200);
    return { authorization: `Bearer ${response.json<{ accessToken: string }>().accessToken}` };
  };

  it('refuses a common password such as password1234 for a new user, saying why', async () => {
    const response = await createUser('weakling', 'password1234');
    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; errors: { path: string; message: string }[] }>();
    expect(body.code).toBe('invalid-request');
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.path).toBe('/password');
    expect(body.errors[0]!.message).toMatch(/^this password is too easy to guess .*This is similar to a commonly used password\./);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users/weakling', headers: admin })).statusCode).toBe(404);
  });

  it("refuses a password made of the user's own name", async () => {
    const response = await createUser('margaret.thornbury', 'margaret.thornbury');
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { path: string }[] }>().errors.map((error) => error.path)).toEqual(['/password']);
  });

  it('refuses a guessable password set by an admin, and leaves the old one working', async () => {
    expect((await createUser('keeper', TEST_PASSWORD)).statusCode).toBe(201);
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/users/keeper',
      headers: admin,
      payload: { password: 'qwertyuiop123' },
    });
    expect(response.statusCode).toBe(400);
    expect((await login('keeper', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('lets a signed-in user change their own password: older sessions end, the answer carries a new token', async () => {
    expect((await createUser('changer', TEST_PASSWORD)).statusCode).toBe(201);
    const first = await signIn('changer', TEST_PASSWORD);
    const second = await signIn('changer', TEST_PASSWORD);
    const response = await changeOwn(first, { currentPassword: TEST_PASSWORD, newPassword: 'quiet harbour lamp fig' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const fresh = { authorization: `Bearer ${response.json<{ accessToken: string }>().accessToken}` };
    await expect(me(fresh).then((answer) => answer.json<object>())).resolves.toMatchObject({ username: 'changer' });
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(401);
    expect((await login('changer', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login('changer', 'quiet harbour lamp fig')).statusCode).toBe(200);
    const [audit] = await t.db.sql<{ actor: string; summary: Record<string, unknown> }>(
      `SELECT actor, summary FROM audit_events WHERE action = 'user.password-change' AND target = 'user:changer'`,
    );
    expect(audit).toMatchObject({ actor: 'user:changer', summary: { passwordChanged: true, by: 'self' } });
    expect(JSON.stringify(audit)).not.toContain('quiet harbour');
  });

  it('lifts the sign-in locks on the name when the user changes their own password', async () => {
    expect((await createUser('locked-out', TEST_PASSWORD)).statusCode).toBe(201);
    const session = await signIn('locked-out', TEST_PASSWORD);
    const elsewhere = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'locked-out', password },
        remoteAddress: '203.0.113.9',
      });
    for (let i = 0; i < 5; i++) expect((await elsewhere('a wrong guess, again')).statusCode).toBe(401);
    expect((await elsewhere(TEST_PASSWORD)).statusCode).toBe(429);
    expect((await changeOwn(session, { currentPassword: TEST_PASSWORD, newPassword: 'quiet harbour lamp fig' })).statusCode).toBe(200);
    expect((await elsewhere('quiet harbour lamp fig')).statusCode).toBe(200);
  });

  it('refuses a wrong current password, a guessable new one, and an unchanged one, each at its field', async () => {
    expect((await createUser('careful', TEST_PASSWORD)).statusCode).toBe(201);
    const session = await signIn('careful', TEST_PASSWORD);
    const cases: [object, string][] = [
      [{ currentPassword: 'not my password at all', newPassword: 'quiet harbour lamp fig' }, '/currentPassword'],
      [{ currentPassword: TEST_PASSWORD, newPassword: 'password1234' }, '/newPassword'],
      [{ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }, '/newPassword'],
      [{ currentPassword: TEST_PASSWORD }, '/newPassword'],
      [{ currentPassword: TEST_PASSWORD, newPassword: 'quiet harbour lamp fig', role: 'admin' }, '/role'],
    ];
    for (const [payload, path] of cases) {
      const response = await changeOwn(session, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json<{ errors: { path: string }[] }>().errors.map((error) => error.path)).toEqual([path]);
    }
    expect((await me(session)).statusCode).toBe(200);
    expect((await login('careful', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('answers 403 to an API key, which has no password, and 401 without credentials', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: admin,
      payload: { name: 'ivr-pw', role: 'agent' },
    });
    const key = { 'x-api-key': created.json<{ key: string }>().key };
    const response = await changeOwn(key, { currentPassword: 'whatever it is', newPassword: 'quiet harbour lamp fig' });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'forbidden' });
    expect((await changeOwn({}, { currentPassword: 'x', newPassword: 'y' })).statusCode).toBe(401);
  });
});
