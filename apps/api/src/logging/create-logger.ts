import { pino, type Logger } from 'pino';
import type { LogLevel } from '../config/app-config.js';

/** One JSON-lines logger for Nest, Fastify's request log and TypeORM. */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'tierwise-api' },
    // Credentials must never reach the log, even when a request carries them.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
  });
}
