import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { Injectable } from '@nestjs/common';

// Stored as `scrypt$ln=15,r=8,p=1$<salt>$<hash>` (base64, no padding): the
// parameters travel with each hash, so raising the cost later still verifies
// every password stored before.
const SCHEME = 'scrypt';
// N = 2^15, r = 8, p = 3: one of OWASP's equivalent scrypt minimums (Password
// Storage Cheat Sheet), the one at 32 MiB per hash rather than 128 MiB, so a
// burst of console sign-ins cannot exhaust a small container's memory.
export const DEFAULT_SCRYPT: ScryptParams = { ln: 15, r: 8, p: 3 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Upper bounds on parameters read back from the database: a tampered row must not make one login eat the machine.
const MAX_LN = 20;
const MAX_R = 32;
const MAX_P = 16;

export interface ScryptParams {
  ln: number;
  r: number;
  p: number;
}

/** scrypt (memory-hard) password hashing with a random salt per password and a timing-safe compare. */
@Injectable()
export class PasswordHasher {
  private readonly params = DEFAULT_SCRYPT;

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(password, salt, KEY_BYTES, this.params);
    const { ln, r, p } = this.params;
    return `${SCHEME}$ln=${ln},r=${r},p=${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
  }

  /** False for a wrong password and for a stored value this code cannot read. */
  async verify(password: string, stored: string): Promise<boolean> {
    const parsed = parse(stored);
    if (!parsed) return false;
    const key = await derive(password, parsed.salt, parsed.key.length, parsed.params);
    return timingSafeEqual(key, parsed.key);
  }

  /**
   * Spends the same work as a real verify on nothing: a login for an unknown
   * user then takes as long as a wrong password, so timing does not tell
   * which user names exist.
   */
  async burn(password: string): Promise<void> {
    await derive(password, BURN_SALT, KEY_BYTES, this.params);
  }
}

const BURN_SALT = randomBytes(SALT_BYTES);

function derive(password: string, salt: Buffer, keyLength: number, { ln, r, p }: ScryptParams): Promise<Buffer> {
  const N = 2 ** ln;
  // Node refuses scrypt above maxmem (32 MiB by default); the need is ~128 * N * r bytes.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function parse(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | undefined {
  const [scheme, paramText, saltText, keyText, ...rest] = stored.split('$');
  if (scheme !== SCHEME || rest.length > 0 || !paramText || !saltText || !keyText) return undefined;
  const match = /^ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})$/.exec(paramText);
  if (!match) return undefined;
  const [ln, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (ln < 1 || ln > MAX_LN || r < 1 || r > MAX_R || p < 1 || p > MAX_P) return undefined;
  const salt = Buffer.from(saltText, 'base64url');
  const key = Buffer.from(keyText, 'base64url');
  if (salt.length < 8 || key.length < 16) return undefined;
  return { params: { ln, r, p }, salt, key };
}
