import { createHmac, timingSafeEqual } from 'node:crypto';

// A compact JWS with HS256 (RFC 7515/7519), written on node:crypto rather than
// a library: one algorithm, one key, about forty lines, and nothing to pin. The
// algorithm is fixed here and the header's `alg` must equal it, so `none` and
// algorithm confusion are impossible by construction.

export interface JwtClaims {
  /** The user name. */
  sub: string;
  /** Issued at and expiry, in seconds since the epoch. */
  iat: number;
  exp: number;
  iss: string;
}

export type JwtResult = { ok: true; claims: JwtClaims } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' | 'wrong-issuer' };

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export function signJwt(claims: JwtClaims, secret: string): string {
  const signingInput = `${HEADER}.${base64url(JSON.stringify(claims))}`;
  return `${signingInput}.${sign(signingInput, secret)}`;
}

/** Checks the signature first, then the claims; `nowSeconds` is the caller's clock. */
export function verifyJwt(token: string, secret: string, nowSeconds: number, issuer: string): JwtResult {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [header, payload, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(`${header}.${payload}`, secret), 'base64url');
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  const head = parseJson(header);
  if (head?.['alg'] !== 'HS256') return { ok: false, reason: 'malformed' };
  const body = parseJson(payload);
  if (!body || typeof body['sub'] !== 'string' || !isSeconds(body['iat']) || !isSeconds(body['exp']) || typeof body['iss'] !== 'string') {
    return { ok: false, reason: 'malformed' };
  }
  if (body['iss'] !== issuer) return { ok: false, reason: 'wrong-issuer' };
  if (body['exp'] <= nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { sub: body['sub'], iat: body['iat'], exp: body['exp'], iss: body['iss'] } };
}

function sign(signingInput: string, secret: string): string {
  return createHmac('sha256', secret).update(signingInput).digest('base64url');
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function parseJson(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function isSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
