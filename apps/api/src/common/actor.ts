import type { FastifyRequest } from 'fastify';
import { actorName, type Principal } from '../auth/principal.js';

// The roles guard records who a request acts as; a WeakMap rather than a
// property on the request, so nothing else can set it and it needs no typing
// of Fastify's request.
const principals = new WeakMap<object, Principal>();

export function setPrincipal(request: FastifyRequest, principal: Principal): void {
  principals.set(request, principal);
}

/** The authenticated principal, or undefined on a @Public route. */
export function principalOf(request: FastifyRequest): Principal | undefined {
  return principals.get(request);
}

/** Who is acting, for tier history and audit rows: `user:alice`, `api-key:ivr-prod`, or `anonymous` on a public route. */
export function actorOf(request: FastifyRequest): string {
  const principal = principals.get(request);
  return principal ? actorName(principal) : ANONYMOUS_ACTOR;
}

export const SYSTEM_ACTOR = 'system';
export const ANONYMOUS_ACTOR = 'anonymous';
