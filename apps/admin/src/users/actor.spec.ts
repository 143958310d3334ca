import { describe, expect, it } from 'vitest';
import { parseActor } from './actor';
import { apiKeyStatus } from './api-key-status';
import type { ApiKey } from './user';

describe('parseActor', () => {
  it('reads how history and audit rows name who acted', () => {
    expect(parseActor('user:alice')).toEqual({ kind: 'user', username: 'alice' });
    expect(parseActor('api-key:ivr-prod')).toEqual({ kind: 'api-key', name: 'ivr-prod' });
    expect(parseActor('system')).toEqual({ kind: 'system' });
    expect(parseActor('anonymous')).toEqual({ kind: 'other', text: 'anonymous' });
    expect(parseActor('user:')).toEqual({ kind: 'other', text: 'user:' });
  });
});

describe('apiKeyStatus', () => {
  const key: ApiKey = {
    id: 'k',
    name: 'ivr',
    role: 'agent',
    prefix: 'tw_x',
    createdBy: 'user:admin',
    createdAt: '2026-01-01T00:00:00Z',
    revokedAt: null,
    revokedBy: null,
    lastUsedAt: null,
    expiresAt: null,
  };
  const now = new Date('2026-06-01T00:00:00Z');

  it('tells live, revoked and expired keys apart', () => {
    expect(apiKeyStatus(key, now)).toBe('live');
    expect(apiKeyStatus({ ...key, expiresAt: '2026-07-01T00:00:00Z' }, now)).toBe('live');
    expect(apiKeyStatus({ ...key, expiresAt: '2026-05-01T00:00:00Z' }, now)).toBe('expired');
    expect(apiKeyStatus({ ...key, revokedAt: '2026-02-01T00:00:00Z', revokedBy: 'user:admin' }, now)).toBe('revoked');
  });
});
