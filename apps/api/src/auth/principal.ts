import type { Role } from './role.js';

/** Who a request acts as, once the roles guard has checked its credentials. */
export type Principal = { kind: 'user'; username: string; role: Role } | { kind: 'api-key'; id: string; name: string; role: Role };

/** How a principal is named in tier history and audit rows: `user:alice`, `api-key:ivr-prod`. */
export function actorName(principal: Principal): string {
  return principal.kind === 'user' ? `user:${principal.username}` : `api-key:${principal.name}`;
}
