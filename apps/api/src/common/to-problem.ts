import { HttpException } from '@nestjs/common';
import { DomainException } from './domain.exception.js';
import { ERROR_STATUS, ErrorCode } from './error-code.js';
import { problemType, type Problem } from './problem.js';

export interface ProblemContext {
  instance: string;
  requestId?: string;
}

/**
 * Any thrown value as problem details. Pure, so every branch is unit tested;
 * `unexpected` tells the filter to log the error, since its detail is hidden.
 */
export function toProblem(error: unknown, context: ProblemContext): { problem: Problem; unexpected: boolean } {
  if (error instanceof DomainException) {
    const { status, title } = ERROR_STATUS[error.code];
    const problem = { ...error.extensions, ...base(error.code, status, title, error.detail, context) };
    if (error.errors.length > 0) problem.errors = [...error.errors];
    return { problem, unexpected: false };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = status === 404 ? ErrorCode.RouteNotFound : status >= 500 ? ErrorCode.Internal : clientCode(status);
    const detail = status >= 500 ? 'the server could not complete the request' : httpDetail(error);
    const title =
      code === ErrorCode.PayloadTooLarge || code === ErrorCode.UnsupportedMediaType ? ERROR_STATUS[code].title : httpTitle(error, status);
    return { problem: base(code, status, title, detail, context), unexpected: status >= 500 };
  }
  // Fastify's own errors (malformed JSON, body too large, wrong content type) carry a 4xx statusCode.
  const status = clientStatus(error);
  if (status !== undefined) {
    const detail = (error as Error).message;
    const code = clientCode(status);
    const title = code === ErrorCode.HttpError ? 'The request failed' : ERROR_STATUS[code].title;
    return { problem: base(code, status, title, detail, context), unexpected: false };
  }
  const { title } = ERROR_STATUS[ErrorCode.Internal];
  return {
    problem: base(ErrorCode.Internal, 500, title, 'the server could not complete the request', context),
    unexpected: true,
  };
}

function base(code: string, status: number, title: string, detail: string, context: ProblemContext): Problem {
  const problem: Problem = { type: problemType(code), title, status, detail, instance: context.instance, code };
  if (context.requestId) problem.requestId = context.requestId;
  return problem;
}

function httpDetail(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : error.message;
}

function httpTitle(error: HttpException, status: number): string {
  if (status === 404) return ERROR_STATUS[ErrorCode.RouteNotFound].title;
  const response = error.getResponse();
  const named = typeof response === 'object' ? (response as { error?: unknown }).error : undefined;
  return typeof named === 'string' ? named : error.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2');
}

function clientStatus(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

// Body too large and unknown content type have codes of their own, whoever raised them (Fastify, Nest or a service).
function clientCode(status: number): ErrorCode {
  return status === 413 ? ErrorCode.PayloadTooLarge : status === 415 ? ErrorCode.UnsupportedMediaType : ErrorCode.HttpError;
}
