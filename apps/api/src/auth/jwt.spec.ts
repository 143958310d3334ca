import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signJwt, verifyJwt } from './jwt.js';

const SECRET = 'unit-test-secret-unit-test-secret!';
const claims = { sub: 'alice', iat: 1_000, exp: 2_000, iss: 'tierwise', sep: 3 };

function hs(alg: string, header: object, payload: object): string {
  const head = Buffer.from(JSON.stringify({ alg, ...header })).toString('base64url');
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const digest = alg === 'HS512' ? 'sha512' : 'sha256';
  return `${head}.${body}.${createHmac(digest, SECRET).update(`${head}.${body}`).digest('base64url')}`;
}

describe('HS256 tokens', () => {
  it('round-trips its claims while unexpired', async () => {
    expect(await verifyJwt(await signJwt(claims, SECRET), SECRET, 1_999, 'tierwise')).toEqual({ ok: true, claims });
  });

  it('is expired at exp exactly', async () => {
    expect(await verifyJwt(await signJwt(claims, SECRET), SECRET, 2_000, 'tierwise')).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses another key, another issuer, and a changed payload', async () => {
    const token = await signJwt(claims, SECRET);
    expect(await verifyJwt(token, `${SECRET}x`, 1_500, 'tierwise')).toEqual({ ok: false, reason: 'bad-signature' });
    expect(await verifyJwt(token, SECRET, 1_500, 'someone-else')).toEqual({ ok: false, reason: 'wrong-issuer' });
    const [header, , signature] = token.split('.');
    const changed = Buffer.from(JSON.stringify({ ...claims, sub: 'admin' })).toString('base64url');
    expect(await verifyJwt(`${header}.${changed}.${signature}`, SECRET, 1_500, 'tierwise')).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a validly signed token whose header names another algorithm, and alg none', async () => {
    expect(await verifyJwt(hs('HS512', { typ: 'JWT' }, claims), SECRET, 1_500, 'tierwise')).toEqual({ ok: false, reason: 'malformed' });
    const [, payload] = hs('HS256', {}, claims).split('.');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    expect(await verifyJwt(none, SECRET, 1_500, 'tierwise')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a signed token that lacks a claim the server relies on (the session epoch, the subject)', async () => {
    const { sep: _sep, ...withoutEpoch } = claims;
    const { sub: _sub, ...withoutSubject } = claims;
    for (const payload of [withoutEpoch, withoutSubject, { ...claims, sep: 'one' }]) {
      expect(await verifyJwt(hs('HS256', { typ: 'JWT' }, payload), SECRET, 1_500, 'tierwise')).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('refuses shapes that are not a JWS at all', async () => {
    for (const token of ['', 'a.b', 'a.b.c.d', '...']) expect((await verifyJwt(token, SECRET, 1_500, 'tierwise')).ok).toBe(false);
  });
});
