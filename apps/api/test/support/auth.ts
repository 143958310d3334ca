import type { Role } from '../../src/auth/role.js';
import type { TestApp } from './test-app.js';

/**
 * Request headers that authenticate as a user with `role`. Specs send these on
 * every protected call, so they keep passing once the roles guard is on.
 * Placeholder until access control lands: it must then mint real credentials.
 */
export async function authHeaders(_t: TestApp, _role: Role): Promise<Record<string, string>> {
  return {};
}
