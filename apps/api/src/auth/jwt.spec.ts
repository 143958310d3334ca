import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signJwt, verifyJwt } from './jwt.js';

const SECRET = 'unit-test-secret-unit-test-secret!';
const claims = { sub: 'alice', iat: 1_000, exp: 2_000, iss: 'tierwise' };

describe('HS256 tokens', () => {
  it('round-trips its claims while unexpired', () => {
    expect(verifyJwt(signJwt(claims, SECRET), SECRET, 1_999, 'tierwise')).toEqual({ ok: true, claims });
  });

  it('is expired at exp exactly', () => {
    expect(verifyJwt(signJwt(claims, SECRET), SECRET, 2_000, 'tierwise')).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses another key, another issuer, and a changed payload', () => {
    const token = signJwt(claims, SECRET);
    expect(verifyJwt(token, `${SECRET}x`, 1_500, 'tierwise')).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyJwt(token, SECRET, 1_500, 'someone-else')).toEqual({ ok: false, reason: 'wrong-issuer' });
    const [header, , signature] = token.split('.');
    const changed = Buffer.from(JSON.stringify({ ...claims, sub: 'admin' })).toString('base64url');
    expect(verifyJwt(`${header}.${changed}.${signature}`, SECRET, 1_500, 'tierwise')).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a validly signed token whose header names another algorithm', () => {
    const header = Buffer.from(JSON.stringify({ alg: 'HS512', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const signature = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
    expect(verifyJwt(`${header}.${payload}.${signature}`, SECRET, 1_500, 'tierwise')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses shapes that are not a JWS at all', () => {
    for (const token of ['', 'a.b', 'a.b.c.d', '...']) expect(verifyJwt(token, SECRET, 1_500, 'tierwise').ok).toBe(false);
  });
});
