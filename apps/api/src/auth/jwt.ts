import { errors, jwtVerify, SignJWT } from 'jose';

// Console tokens are compact HS256 JWS (RFC 7515/7519) made and checked by `jose`:
// a dependency-free, widely audited implementation of the JOSE specs, maintained
// for a decade, that does the parts easy to get subtly wrong by hand (constant-time
// compare, base64url edge cases, header checks). Only HS256 is accepted, so `none`
// and algorithm confusion are refused by the library before any claim is read.

const ALGORITHM = 'HS256';

export interface JwtClaims {
  /** The user name. */
  sub: string;
  /** Issued at and expiry, in seconds since the epoch. */
  iat: number;
  exp: number;
  iss: string;
  /** The user's session epoch when the token was issued (users.session_epoch): a later epoch refuses it. */
  sep: number;
}

export type JwtResult = { ok: true; claims: JwtClaims } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' | 'wrong-issuer' };

export function signJwt(claims: JwtClaims, secret: string): Promise<string> {
  return new SignJWT({ sep: claims.sep })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(claims.iss)
    .setIssuedAt(claims.iat)
    .setExpirationTime(claims.exp)
    .sign(key(secret));
}

/** Checks the signature first, then the claims; `nowSeconds` is the caller's clock. Expired at `exp` exactly. */
export async function verifyJwt(token: string, secret: string, nowSeconds: number, issuer: string): Promise<JwtResult> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: [ALGORITHM],
      issuer,
      currentDate: new Date(nowSeconds * 1000),
      requiredClaims: ['sub', 'iat', 'exp', 'iss'],
    });
    const { sub, iat, exp, iss, sep } = payload;
    if (typeof sub !== 'string' || !isWholeNumber(iat) || !isWholeNumber(exp) || typeof iss !== 'string' || !isWholeNumber(sep)) {
      return { ok: false, reason: 'malformed' };
    }
    return { ok: true, claims: { sub, iat, exp, iss, sep } };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
}

function reasonOf(error: unknown): Exclude<JwtResult, { ok: true }>['reason'] {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad-signature';
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'iss') return 'wrong-issuer';
  return 'malformed';
}

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
