import type { FastifyInstance } from 'fastify';

// Probes hit every few seconds; their lines would drown the rest.
const UNLOGGED = new Set(['/health', '/ready']);

/**
 * One access-log line per answered request, instead of Fastify's two
 * ("incoming request" + "request completed", each serializing the request):
 * on the call centre's decision path those two lines cost more CPU than the
 * answer itself (see apps/api/bench). The line carries the request id through
 * the request's child logger.
 */
export function registerAccessLog(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    if (!UNLOGGED.has(request.url)) {
      request.log.info(
        { method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime * 100) / 100 },
        'request',
      );
    }
    done();
  });
}
