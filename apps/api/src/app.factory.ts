import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { answerClientError, answerFrameworkError } from './common/framework-errors.js';
import { MAX_PARAM_LENGTH } from './common/route-limits.js';
import { registerJsonBodyParser } from './common/json-body-parser.js';
import { ProblemFilter } from './common/problem.filter.js';
import { registerImportContentTypes } from './customers/import/import-content-types.js';
import type { AppConfig } from './config/app-config.js';
import { findConsoleFolder } from './console/console-folder.js';
import { registerConsole } from './console/register-console.js';
import { registerAccessLog } from './logging/access-log.js';
import { createLogger } from './logging/create-logger.js';
import { NestPinoLogger } from './logging/nest-pino-logger.js';
import { setupOpenApi } from './openapi/setup-openapi.js';
import { REQUEST_ID_HEADER, requestIdFor } from './logging/request-id.js';

const EXPOSED_HEADERS = ['Content-Range', 'ETag', 'Location', 'X-Request-Id', 'Retry-After'];
// Every method a route uses: @fastify/cors allows only GET, HEAD and POST unless told, so a console could not save or delete.
const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export interface AppOptions {
  /**
   * The built console served at `/`: by default apps/admin/dist when it has been built;
   * null serves the API alone. Tests point it at a folder of their own.
   */
  consoleFolder?: string | null;
}

/**
 * The configured application, initialised (database connected, migrations run,
 * first-start seeding done) but not listening: main.ts listens, tests inject.
 */
export async function createApp(
  config: AppConfig,
  logger: Logger = createLogger(config.logLevel),
  options: AppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    genReqId: requestIdFor,
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      // registerAccessLog writes one line per request instead.
      disableRequestLogging: true,
    }),
    // Keep-alive sockets must not hold a graceful shutdown open.
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // request.ip (sign-in throttle, audit rows) is the socket's address unless a trusted proxy forwarded the request.
    trustProxy: config.trustedProxies.length > 0 ? [...config.trustedProxies] : false,
    // Bad URLs, over-long parameters and unparseable HTTP answer as problem+json, like every other error.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, logger), adapter, {
    logger: new NestPinoLogger(logger),
    // Boot failures reach the caller (main.ts exits non-zero; a test fails) instead of process.exit.
    abortOnError: false,
  });
  app.useGlobalFilters(new ProblemFilter(logger));
  // Only the configured origins (TIERWISE_CORS_ORIGINS) get CORS headers; the
  // console served by the API itself is same-origin and needs none. A console
  // on another origin must read Content-Range (paging) and ETag (If-Match).
  app.enableCors({ origin: [...config.corsOrigins], methods: CORS_METHODS, credentials: false, exposedHeaders: EXPOSED_HEADERS });
  const fastify = app.getHttpAdapter().getInstance();
  // Set as the request arrives (a plain callback hook, cheaper than an async onSend) so every answer carries it.
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  registerAccessLog(fastify);
  registerJsonBodyParser(app);
  registerImportContentTypes(app);
  setupOpenApi(app);
  const consoleFolder = options.consoleFolder === undefined ? findConsoleFolder() : options.consoleFolder;
  if (consoleFolder !== null) {
    await registerConsole(app, consoleFolder);
    logger.info({ folder: consoleFolder }, 'serving the console at /');
  }
  await app.init();
  return app;
}
