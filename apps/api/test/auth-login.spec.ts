import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { signJwt } from '../src/auth/jwt.js';
import { TOKEN_ISSUER, TOKEN_LIFETIME_SECONDS } from '../src/auth/token.service.js';
import { authHeaders, TEST_PASSWORD, testUsername } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';

describe('sign-in and console tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ jwtSecret: SECRET });
    await authHeaders(t, 'author'); // creates test-author with TEST_PASSWORD
  });
  afterAll(async () => {
    await t?.close();
  });

  const login = (payload: unknown, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: payload as object, headers, remoteAddress });

  it('answers { accessToken } for the right password, and the token opens protected routes', async () => {
    const response = await login({ username: 'test-author', password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json<{ accessToken: string }>();
    expect(Object.keys(body)).toEqual(['accessToken']);
    expect(body.accessToken.split('.')).toHaveLength(3);

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ kind: 'user', actor: 'user:test-author', role: 'author', username: 'test-author' });
  });

  it('signs a user in whatever the case of the user name', async () => {
    const response = await login({ username: '  Test-Author ', password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
  });

  it('gives a wrong password and an unknown user the same 401, so user names cannot be probed', async () => {
    const wrong = await login({ username: 'test-author', password: 'not the password at all' });
    const unknown = await login({ username: 'nobody-here', password: 'not the password at all' });
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const { instance: _a, requestId: _b, ...wrongBody } = wrong.json<Record<string, unknown>>();
    const { instance: _c, requestId: _d, ...unknownBody } = unknown.json<Record<string, unknown>>();
    expect(wrongBody).toEqual(unknownBody);
    expect(wrongBody).toMatchObject({ code: 'invalid-credentials', status: 401, detail: 'the user name or password is wrong' });
  });

  it('refuses a disabled user with that same 401', async () => {
    const admin = await authHeaders(t, 'admin');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: { username: 'leaver', password: TEST_PASSWORD, role: 'auditor' },
    });
    const patched = await t.app.inject({ method: 'PATCH', url: '/api/v1/users/leaver', headers: admin, payload: { disabled: true } });
    expect(patched.statusCode).toBe(200);
    const response = await login({ username: 'leaver', password: TEST_PASSWORD });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'invalid-credentials' });
  });

  it('rejects a login body without user name or password as a 400 naming both fields', async () => {
    const response = await login({ user: 'x' });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { path: string }[] }>().errors.map((error) => error.path)).toEqual(['/username', '/password']);
  });

  it('audits sign-ins, success and failure, with the client address, and never records the password', async () => {
    const password = 'an unmistakable wrong password 7f3a';
    await login({ username: 'test-author', password }, { 'x-request-id': 'login-fail-1' }, '192.0.2.10');
    await login({ username: 'test-author', password: TEST_PASSWORD }, { 'x-request-id': 'login-ok-1' }, '192.0.2.10');
    const rows = await t.db.sql<{ actor: string; action: string; target: string; summary: unknown; request_id: string }>(
      `SELECT actor, action, target, summary, request_id FROM audit_events WHERE request_id IN ('login-fail-1', 'login-ok-1') ORDER BY id`,
    );
    expect(rows).toEqual([
      {
        actor: 'anonymous',
        action: 'auth.login-failed',
        target: 'user:test-author',
        summary: { reason: 'wrong-password', clientAddress: '192.0.2.10', attempts: 1, attemptsFromAddress: 1 },
        request_id: 'login-fail-1',
      },
      {
        actor: 'user:test-author',
        action: 'auth.login',
        target: 'user:test-author',
        summary: { role: 'author', clientAddress: '192.0.2.10' },
        request_id: 'login-ok-1',
      },
    ]);
    const leaks = await t.db.sql(`SELECT id FROM audit_events WHERE summary::text LIKE $1 OR target LIKE $1`, [`%${password}%`]);
    expect(leaks).toEqual([]);
    const passwordLeaks = await t.db.sql(`SELECT id FROM audit_events WHERE summary::text LIKE $1`, [`%${TEST_PASSWORD}%`]);
    expect(passwordLeaks).toEqual([]);
  });

  it('stores passwords only as salted scrypt hashes with their parameters', async () => {
    const rows = await t.db.sql<{ username: string; password_hash: string }>(`SELECT username, password_hash FROM users ORDER BY username`);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row.password_hash).toMatch(/^scrypt\$ln=15,r=8,p=3\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    const hashes = new Set(rows.map((row) => row.password_hash.split('$')[2]));
    expect(hashes.size).toBe(rows.length); // a salt per password
    expect(rows.some((row) => row.password_hash.includes(TEST_PASSWORD))).toBe(false);
  });

  describe('tokens', () => {
    const me = (authorization: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization } });
    const now = () => Math.floor(Date.now() / 1000);

    it('refuses an expired token with 401', async () => {
      const iat = now() - TOKEN_LIFETIME_SECONDS - 60;
      const token = await signJwt(
        { sub: testUsername('author'), iat, exp: iat + TOKEN_LIFETIME_SECONDS, iss: TOKEN_ISSUER, sep: 0 },
        SECRET,
      );
      const response = await me(`Bearer ${token}`);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'unauthenticated', detail: 'your session has expired; sign in again' });
    });

    it('accepts a token this server signed that is still valid (the control for the cases around it)', async () => {
      const token = await signJwt({ sub: testUsername('author'), iat: now(), exp: now() + 60, iss: TOKEN_ISSUER, sep: 0 }, SECRET);
      expect((await me(`Bearer ${token}`)).statusCode).toBe(200);
    });

    it('refuses a tampered token: a payload promoting the user, a foreign key, alg none', async () => {
      const { accessToken } = (await login({ username: 'test-author', password: TEST_PASSWORD })).json<{ accessToken: string }>();
      const [header, , signature] = accessToken.split('.');
      const forged = Buffer.from(JSON.stringify({ sub: 'admin', iat: now(), exp: now() + 3600, iss: TOKEN_ISSUER })).toString('base64url');
      const foreign = await signJwt(
        { sub: 'admin', iat: now(), exp: now() + 3600, iss: TOKEN_ISSUER, sep: 0 },
        'some-other-secret-of-some-length-000',
      );
      const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${forged}.`;
      for (const token of [`${header}.${forged}.${signature}`, foreign, none, `${accessToken}x`, 'not-a-jwt']) {
        const response = await me(`Bearer ${token}`);
        expect(response.statusCode, token).toBe(401);
        expect(response.json()).toMatchObject({ code: 'unauthenticated', detail: 'the access token is not valid; sign in again' });
      }
    });

    it('refuses a missing or malformed Authorization header with 401 problem+json', async () => {
      const none = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
      expect(none.statusCode).toBe(401);
      expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(none.json()).toMatchObject({ code: 'unauthenticated' });
      expect(none.json<{ detail: string }>().detail).toContain('X-API-Key');
      expect(none.headers['www-authenticate']).toMatch(/^Bearer realm="tierwise"/);
      const basic = await me('Basic dXNlcjpwYXNz');
      expect(basic.statusCode).toBe(401);
      expect(basic.json()).toMatchObject({ detail: "the Authorization header must be 'Bearer <token>'" });
    });

    it('ends sessions opened before a password change, even one opened in the same second', async () => {
      const admin = await authHeaders(t, 'admin');
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin,
        payload: { username: 'rotator', password: TEST_PASSWORD, role: 'auditor' },
      });
      const { accessToken: before } = (await login({ username: 'rotator', password: TEST_PASSWORD })).json<{ accessToken: string }>();
      expect((await me(`Bearer ${before}`)).statusCode).toBe(200);
      const changed = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/users/rotator',
        headers: admin,
        payload: { password: 'a fresh password for rotator' },
      });
      expect(changed.statusCode).toBe(200);
      const refused = await me(`Bearer ${before}`);
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toMatchObject({
        code: 'unauthenticated',
        detail: 'this session was ended by a password change or by disabling the user; sign in again',
      });
      const { accessToken } = (await login({ username: 'rotator', password: 'a fresh password for rotator' })).json<{
        accessToken: string;
      }>();
      expect((await me(`Bearer ${accessToken}`)).statusCode).toBe(200);
    });

    it('keeps a session ended by disabling ended after the user is enabled again; a new sign-in works', async () => {
      const admin = await authHeaders(t, 'admin');
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin,
        payload: { username: 'returner', password: TEST_PASSWORD, role: 'auditor' },
      });
      const { accessToken: old } = (await login({ username: 'returner', password: TEST_PASSWORD })).json<{ accessToken: string }>();
      expect((await me(`Bearer ${old}`)).statusCode).toBe(200);
      const patch = (disabled: boolean) =>
        t.app.inject({ method: 'PATCH', url: '/api/v1/users/returner', headers: admin, payload: { disabled } });
      expect((await patch(true)).statusCode).toBe(200);
      expect((await patch(false)).statusCode).toBe(200);
      const refused = await me(`Bearer ${old}`);
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toMatchObject({
        code: 'unauthenticated',
        detail: 'this session was ended by a password change or by disabling the user; sign in again',
      });
      const again = await login({ username: 'returner', password: TEST_PASSWORD });
      expect(again.statusCode).toBe(200);
      expect((await me(`Bearer ${again.json<{ accessToken: string }>().accessToken}`)).statusCode).toBe(200);
    });

    it('ends open sessions of a user once disabled, and applies a role change to them at once', async () => {
      const admin = await authHeaders(t, 'admin');
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin,
        payload: { username: 'mover', password: TEST_PASSWORD, role: 'auditor' },
      });
      const { accessToken } = (await login({ username: 'mover', password: TEST_PASSWORD })).json<{ accessToken: string }>();
      const session = { authorization: `Bearer ${accessToken}` };
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session })).json()).toMatchObject({ role: 'auditor' });

      await t.app.inject({ method: 'PATCH', url: '/api/v1/users/mover', headers: admin, payload: { role: 'author' } });
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session })).json()).toMatchObject({ role: 'author' });

      await t.app.inject({ method: 'PATCH', url: '/api/v1/users/mover', headers: admin, payload: { disabled: true } });
      const refused = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session });
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toMatchObject({ code: 'unauthenticated', detail: "the user 'mover' is disabled or no longer exists" });
    });
  });
});

// The numbers below are the contract (README, Access control), written out rather
// than imported, so changing a constant in the code fails this spec.
describe('repeated failed sign-ins', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  const name = testUsername('publisher');
  const ATTACKER = '203.0.113.66';
  const COLLEAGUE = '198.51.100.7';
  beforeAll(async () => {
    t = await startTestApp({ jwtSecret: SECRET });
    admin = await authHeaders(t, 'admin');
    await authHeaders(t, 'publisher'); // creates test-publisher with TEST_PASSWORD
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    await t?.close();
  });

  const login = (username: string, password: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });
  const failFiveTimes = async (username: string, from: string) => {
    for (let i = 0; i < 5; i++) expect((await login(username, 'not-the-password', from)).statusCode).toBe(401);
  };

  it('lock a name from one address after 5 failures, for 15 minutes, even against the right password; Retry-After says so', async () => {
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    await failFiveTimes(name, ATTACKER);

    const locked = await login(name, TEST_PASSWORD, ATTACKER);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(locked.headers['retry-after']).toBe('900');
    expect(locked.json()).toMatchObject({ code: 'too-many-sign-ins', retryAfterSeconds: 900 });
    expect(locked.json<{ detail: string }>().detail).toContain('from this address; try again in 15 minute(s)');

    vi.setSystemTime(start + 14 * 60_000);
    expect((await login(name, TEST_PASSWORD, ATTACKER)).statusCode).toBe(429);
    vi.setSystemTime(start + 15 * 60_000 + 1000);
    expect((await login(name, TEST_PASSWORD, ATTACKER)).statusCode).toBe(200);
  });

  it('does not lock the name for someone at another address: the last admin cannot be locked out by a stranger', async () => {
    await failFiveTimes('admin', ATTACKER);
    expect((await login('admin', 'test-admin-password', ATTACKER)).statusCode).toBe(429);
    expect((await login('admin', 'test-admin-password', COLLEAGUE)).statusCode).toBe(200);
  });

  it('forgets earlier failures from an address after a successful sign-in from it', async () => {
    const from = '203.0.113.1';
    for (let i = 0; i < 4; i++) expect((await login(name, 'not-the-password', from)).statusCode).toBe(401);
    expect((await login(name, TEST_PASSWORD, from)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(name, 'not-the-password', from)).statusCode).toBe(401);
    expect((await login(name, TEST_PASSWORD, from)).statusCode).toBe(200);
  });

  it('locks names that do not exist the same way, so the answer tells nothing about which names exist', async () => {
    await failFiveTimes('nobody-here', ATTACKER);
    expect((await login('nobody-here', 'guess', ATTACKER)).statusCode).toBe(429);
  });

  it('lifts the lock when an admin sets a new password', async () => {
    const from = '203.0.113.2';
    await failFiveTimes(name, from);
    expect((await login(name, TEST_PASSWORD, from)).statusCode).toBe(429);
    const reset = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${name}`,
      headers: admin,
      payload: { password: TEST_PASSWORD },
    });
    expect(reset.statusCode).toBe(200);
    expect((await login(name, TEST_PASSWORD, from)).statusCode).toBe(200);
  });

  it('lifts the lock when an admin unlocks the name, audited', async () => {
    const from = '203.0.113.3';
    await failFiveTimes(name, from);
    expect((await login(name, TEST_PASSWORD, from)).statusCode).toBe(429);
    const unlocked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${name}/unlock`,
      headers: { ...admin, 'x-request-id': 'unlock-1' },
    });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({ username: name });
    expect((await login(name, TEST_PASSWORD, from)).statusCode).toBe(200);
    const rows = await t.db.sql(`SELECT actor, action, target FROM audit_events WHERE request_id = 'unlock-1'`);
    expect(rows).toEqual([{ actor: 'user:test-admin', action: 'user.unlock', target: `user:${name}` }]);
  });

  it('lets only admins unlock, and answers 404 for an unknown user', async () => {
    const auditor = await authHeaders(t, 'auditor');
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/users/${name}/unlock`, headers: auditor })).statusCode).toBe(403);
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/users/no-such-user/unlock', headers: admin });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'user-not-found' });
  });

  it('writes one audit row for the 1st and the 10th refusal of a name from an address, with the count and the address', async () => {
    const from = '203.0.113.4';
    const target = 'user:someone-probed';
    for (let i = 0; i < 12; i++) await login('someone-probed', 'guess-guess-guess', from);
    const rows = await t.db.sql<{ summary: Record<string, unknown> }>(
      `SELECT summary FROM audit_events WHERE action = 'auth.login-failed' AND target = $1 ORDER BY id`,
      [target],
    );
    expect(rows.map((row) => row.summary)).toEqual([
      { reason: 'unknown-user', clientAddress: from, attempts: 1, attemptsFromAddress: 1 },
      { reason: 'locked', lockedFor: 'name-and-address', clientAddress: from, attempts: 10, attemptsFromAddress: 10 },
    ]);
  });

  it('keeps an address trying many names to 20 audit rows', async () => {
    const from = '203.0.113.5';
    for (let i = 0; i < 22; i++) await login(`spray-${i}`, 'guess-guess-guess', from);
    const [row] = await t.db.sql<{ total: number }>(
      `SELECT count(*)::int AS total FROM audit_events WHERE action = 'auth.login-failed' AND summary->>'clientAddress' = $1`,
      [from],
    );
    expect(row?.total).toBe(20);
  });
});
