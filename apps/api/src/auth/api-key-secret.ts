import { createHash, randomBytes } from 'node:crypto';

// API keys are `tw_` + 32 random bytes (base64url, 43 characters): 256 bits, so
// a plain SHA-256 is enough to store them. A slow KDF protects guessable
// passwords; a key cannot be guessed, and scrypt on every call-centre request
// would cost tens of milliseconds where the decision itself takes a fraction of one.
export const API_KEY_PREFIX = 'tw_';
const KEY_BYTES = 32;
/** How much of a key is kept in clear to recognise it in lists: `tw_` and six characters. */
const SHOWN_CHARS = API_KEY_PREFIX.length + 6;
const KEY_SHAPE = /^tw_[A-Za-z0-9_-]{43}$/;

export interface NewApiKeySecret {
  /** Shown to the creator once, never stored. */
  key: string;
  hash: string;
  prefix: string;
}

export function newApiKeySecret(): NewApiKeySecret {
  const key = `${API_KEY_PREFIX}${randomBytes(KEY_BYTES).toString('base64url')}`;
  return { key, hash: hashApiKey(key), prefix: key.slice(0, SHOWN_CHARS) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Whether a presented value could be one of our keys at all, before any lookup. */
export function looksLikeApiKey(value: string): boolean {
  return KEY_SHAPE.test(value);
}
