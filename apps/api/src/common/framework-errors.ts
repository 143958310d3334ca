import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_STATUS, ErrorCode } from './error-code.js';
import { PROBLEM_CONTENT_TYPE, problemType, type Problem } from './problem.js';

// Errors Fastify raises before any route or Nest filter runs. Left alone,
// they answer in Fastify's own JSON shape; here they speak problem+json too.

/** FastifyAdapter's `frameworkErrors`: a malformed percent-encoding in the path, a path parameter past maxParamLength. */
export function answerFrameworkError(error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply): void {
  const code = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? ErrorCode.UriTooLong : ErrorCode.BadUrl;
  const detail =
    code === ErrorCode.UriTooLong
      ? 'a part of the address is longer than the API accepts; customer ids are at most 128 characters'
      : 'the address has a malformed percent-encoding (a % not followed by two hex digits of valid UTF-8)';
  const problem = problemOf(code, detail, request.url, request.id);
  void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}

/**
 * Fastify's `clientErrorHandler`: the request could not be parsed as HTTP at
 * all (headers too large, a broken request line, a timeout), so there is no
 * request to answer through; the answer is written to the socket, which is then closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? ([431, ErrorCode.HeadersTooLarge, 'the request headers are larger than the API accepts; send fewer or shorter headers'] as const)
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ([408, ErrorCode.HttpError, 'the request was not received in time'] as const)
        : ([400, ErrorCode.HttpError, 'the request is not valid HTTP'] as const);
  const problem = { ...problemOf(code, detail, '', undefined), status };
  if (code === ErrorCode.HttpError) problem.title = STATUS_CODES[status] ?? problem.title;
  const body = JSON.stringify(problem);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

function problemOf(code: ErrorCode, detail: string, instance: string, requestId: string | undefined): Problem {
  const { status, title } = ERROR_STATUS[code];
  const problem: Problem = { type: problemType(code), title, status, detail, instance, code };
  if (requestId) problem.requestId = requestId;
  return problem;
}
