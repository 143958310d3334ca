import type { SchemaObject } from '@nestjs/swagger';

// The OpenAPI schemas of the liveness and readiness answers.

/** Named under components/schemas; operations refer to them by these names. */
export const HEALTH_SCHEMAS: Readonly<Record<string, SchemaObject>> = {
  Health: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } },
  Readiness: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ready'] } } },
};
