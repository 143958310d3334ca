import type { ApiKey } from './user';

export type ApiKeyStatus = 'live' | 'revoked' | 'expired';

export function apiKeyStatus(key: ApiKey, now: Date = new Date()): ApiKeyStatus {
  if (key.revokedAt !== null) return 'revoked';
  if (key.expiresAt !== null && Date.parse(key.expiresAt) <= now.getTime()) return 'expired';
  return 'live';
}
