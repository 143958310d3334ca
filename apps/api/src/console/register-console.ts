import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { answerFrameworkError } from '../common/framework-errors.js';
import { hasOverlongSegment } from '../common/route-limits.js';
import { CONSOLE_SECURITY_HEADERS, HASHED_ASSET_CACHE, INDEX_CACHE } from './console-headers.js';

// Paths that belong to the API (and its probes): never answered with the console, whatever they accept.
const API_PATHS = /^\/(api|health|ready)(\/|$|\?)/;

/**
 * Serves the built console (apps/admin/dist) at `/`, beside the API, on the same origin.
 * Plain Fastify routes, like the OpenAPI document's: Nest guards never run on them
 * (the sign-in page must load signed out) and they are not in the OpenAPI document.
 *
 * - /assets/*: Vite's hashed files, cached for a year;
 * - other files at the top of the folder (a favicon), served as they are;
 * - GET / and any other GET that asks for HTML outside /api, /health and /ready:
 *   index.html, revalidated every time, so a deep link opens the console;
 * - anything else keeps the API's problem+json 404.
 */
export async function registerConsole(app: NestFastifyApplication, folder: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: join(folder, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    cacheControl: false,
    setHeaders: (reply) => void reply.headers({ ...CONSOLE_SECURITY_HEADERS, 'cache-control': HASHED_ASSET_CACHE }),
  });
  await app.register(fastifyStatic, {
    root: folder,
    prefix: '/',
    // One route per file found now: the folder is built before the api starts.
    wildcard: false,
    index: false,
    globIgnore: ['assets/**', 'index.html', '.vite/**'],
    decorateReply: false,
    cacheControl: false,
    setHeaders: (reply) => void reply.headers({ ...CONSOLE_SECURITY_HEADERS, 'cache-control': INDEX_CACHE }),
  });

  const indexFile = join(folder, 'index.html');
  const sendIndex = async (reply: FastifyReply): Promise<void> => {
    // Read on each load (a few hundred bytes): a rebuilt console is picked up without a restart.
    const html = await readFile(indexFile);
    await reply
      .headers({ ...CONSOLE_SECURITY_HEADERS, 'cache-control': INDEX_CACHE })
      .type('text/html; charset=utf-8')
      .send(html);
  };
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/', (_request, reply) => sendIndex(reply));
  fastify.get('/*', async (request, reply) => {
    if (opensConsole(request)) return sendIndex(reply);
    // The router falls back to this wildcard when a path parameter is too long for the route it names:
    // answer as it does without the console (414), not as an unknown address.
    if (hasOverlongSegment(request.url)) {
      answerFrameworkError(Object.assign(new Error('path parameter too long'), { code: 'FST_ERR_MAX_PARAM_LENGTH' }), request, reply);
      return reply;
    }
    // The same answer as for any other unknown address (Nest's not-found handler, problem+json).
    reply.callNotFound();
    return reply;
  });
}

/** A browser navigation to a console address (a deep link), not an API call or a missing file. */
function opensConsole(request: FastifyRequest): boolean {
  return !API_PATHS.test(request.url) && (request.headers.accept ?? '').includes('text/html');
}
