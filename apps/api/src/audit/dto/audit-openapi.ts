import type { SchemaObject } from '@nestjs/swagger';

// The OpenAPI schema of an audit event (audit-event.dto.ts).

const AUDIT_EVENT: SchemaObject = {
  type: 'object',
  required: ['id', 'at', 'actor', 'action', 'target', 'summary', 'requestId'],
  properties: {
    id: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    actor: { type: 'string', example: 'user:alice' },
    action: { type: 'string', example: 'customer.update' },
    target: { type: 'string', example: 'customer:C-1001' },
    summary: { type: 'object', additionalProperties: true, description: 'What the action did, by action' },
    requestId: { type: 'string', nullable: true },
  },
};

/** Named under components/schemas; operations refer to them by these names. */
export const AUDIT_SCHEMAS: Readonly<Record<string, SchemaObject>> = { AuditEvent: AUDIT_EVENT };
