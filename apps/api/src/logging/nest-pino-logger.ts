import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/**
 * Routes Nest's own messages (module init, route mapping, lifecycle) into pino.
 * Nest passes the context as the last string argument and, for errors, a stack before it.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.logger.info(fields(rest), text(message));
  }

  error(message: unknown, ...rest: unknown[]): void {
    const [stack, ...others] = rest;
    const context = fields(others.length > 0 ? others : typeof stack === 'string' && !stack.includes('\n') ? [stack] : []);
    if (message instanceof Error) this.logger.error({ ...context, err: message }, message.message);
    else this.logger.error({ ...context, ...(typeof stack === 'string' && stack.includes('\n') ? { stack } : {}) }, text(message));
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.logger.warn(fields(rest), text(message));
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.logger.debug(fields(rest), text(message));
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.logger.trace(fields(rest), text(message));
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.logger.fatal(fields(rest), text(message));
  }
}

function fields(rest: unknown[]): { context?: string } {
  const context = rest.at(-1);
  return typeof context === 'string' ? { context } : {};
}

function text(message: unknown): string {
  return typeof message === 'string' ? message : JSON.stringify(message);
}
