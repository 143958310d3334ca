// Nest and TypeORM read decorator metadata through reflect-metadata, which main.ts loads in production.
import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Role } from '../../src/auth/role.js';
import { UsersService } from '../../src/auth/users.service.js';
import { DomainException } from '../../src/common/domain.exception.js';
import { ErrorCode } from '../../src/common/error-code.js';
import type { TestApp } from './test-app.js';

// One user per role and app, signed in once through the real login route; the
// headers are reused by every later call (a sign-in costs a deliberate scrypt).
const signedIn = new WeakMap<NestFastifyApplication, Map<Role, Promise<Record<string, string>>>>();

export const TEST_PASSWORD = 'correct horse battery staple';

/** The user name authHeaders signs in as for `role`. */
export function testUsername(role: Role): string {
  return `test-${role}`;
}

/**
 * Request headers that authenticate as a user with `role`: the user is created
 * through the app's own service (so its password is hashed as in production)
 * and signed in with POST /api/v1/auth/login.
 */
export function authHeaders(t: TestApp, role: Role): Promise<Record<string, string>> {
  let byRole = signedIn.get(t.app);
  if (!byRole) {
    byRole = new Map();
    signedIn.set(t.app, byRole);
  }
  let headers = byRole.get(role);
  if (!headers) {
    headers = signIn(t, role);
    byRole.set(role, headers);
    headers.catch(() => byRole.delete(role));
  }
  return headers;
}

async function signIn(t: TestApp, role: Role): Promise<Record<string, string>> {
  const username = testUsername(role);
  try {
    await t.app.get(UsersService).create({ username, password: TEST_PASSWORD, role }, { actor: 'system', requestId: 'test-setup' });
  } catch (error) {
    if (!(error instanceof DomainException && error.code === ErrorCode.UserExists)) throw error;
  }
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } });
  if (response.statusCode !== 200) throw new Error(`test sign-in as ${username} failed: ${response.statusCode} ${response.body}`);
  const { accessToken } = response.json<{ accessToken: string }>();
  return { authorization: `Bearer ${accessToken}` };
}
