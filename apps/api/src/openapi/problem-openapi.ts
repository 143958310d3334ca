import { applyDecorators } from '@nestjs/common';
import { ApiResponse, type HeaderObject, type ResponseObject, type SchemaObject } from '@nestjs/swagger';
import { ErrorCode } from '../common/error-code.js';
import { PROBLEM_CONTENT_TYPE } from '../common/problem.js';
import { schemaRef } from './schema-ref.js';

// Every error is one RFC 9457 problem (common/problem.ts), so the document names
// one schema and every operation's 4xx/5xx answers point at it.

export const FIELD_ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['path', 'message'],
  properties: {
    path: { type: 'string', description: 'JSON pointer into what the client sent ("" for the whole body)', example: '/facts/revenue' },
    message: { type: 'string', example: 'revenue must be a number' },
  },
  additionalProperties: true,
};

export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details. Branch on `code`; `detail` is written for a person; `errors` lists every field at fault.',
  required: ['type', 'title', 'status', 'detail', 'instance', 'code'],
  properties: {
    type: { type: 'string', format: 'uri', example: 'urn:tierwise:problem:customer-not-found' },
    title: { type: 'string', example: 'No such customer' },
    status: { type: 'integer', minimum: 400, maximum: 599, example: 404 },
    detail: { type: 'string', example: "there is no customer with id 'C-1'" },
    instance: { type: 'string', description: 'The path of the request', example: '/api/v1/customers/C-1' },
    // Read from the enum at boot, so a new code is in the document the moment it exists.
    code: { type: 'string', enum: Object.values(ErrorCode), example: ErrorCode.CustomerNotFound },
    requestId: { type: 'string', description: 'The X-Request-Id of the request, for the logs' },
    errors: { type: 'array', items: schemaRef('FieldError') },
  },
  additionalProperties: true,
};

/** The problem answer for `status`; `codes` names the problem codes this operation can send with it. */
export function problemResponse(codes: string, headers?: Record<string, HeaderObject>): ResponseObject {
  return {
    description: `Problem: ${codes}`,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: schemaRef('Problem') } },
    ...(headers ? { headers } : {}),
  };
}

/** The problem codes one status can carry, and the headers sent with it if any. */
export type ProblemAnswer = string | { codes: string; headers: Record<string, HeaderObject> };

/**
 * The error answers of one operation, by status, each with the codes it can carry:
 * `@ApiProblems({ 400: 'invalid-request', 404: 'customer-not-found' })`.
 * 401, 403 and 500 are added to every operation that can send them (setup-openapi.ts).
 */
export function ApiProblems(byStatus: Readonly<Record<number, ProblemAnswer>>): MethodDecorator {
  return applyDecorators(
    ...Object.entries(byStatus).map(([status, answer]) =>
      ApiResponse({
        status: Number(status),
        ...(typeof answer === 'string' ? problemResponse(answer) : problemResponse(answer.codes, answer.headers)),
      }),
    ),
  );
}
