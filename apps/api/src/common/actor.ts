import type { FastifyRequest } from 'fastify';

/**
 * Who is acting, for tier history and audit rows. There is no authentication
 * yet (issue 3's access control comes later); this is the one place it plugs in.
 */
export function actorOf(_request: FastifyRequest): string {
  return 'anonymous';
}

export const SYSTEM_ACTOR = 'system';
