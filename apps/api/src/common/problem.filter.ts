import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import { toProblem } from './to-problem.js';

/**
 * The single place errors become responses: domain exceptions, Nest's HTTP
 * exceptions (unknown route, bad JSON) and anything unexpected, all as
 * RFC 9457 problem+json. Unexpected errors are logged here, once, with stack.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { problem, unexpected } = toProblem(error, { instance: request.url, requestId: request.id });
    if (unexpected) this.logger.error({ err: error, requestId: request.id, url: request.url }, 'unexpected error');
    if (reply.sent) return;
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }
}
