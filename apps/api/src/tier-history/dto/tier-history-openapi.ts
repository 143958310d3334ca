import type { SchemaObject } from '@nestjs/swagger';
import { schemaRef } from '../../openapi/schema-ref.js';

// The OpenAPI schema of a tier history entry (tier-history.dto.ts).

const TIER_HISTORY_ENTRY: SchemaObject = {
  type: 'object',
  required: ['id', 'customerId', 'previousTier', 'newTier', 'score', 'policy', 'facts', 'cause', 'actor', 'at'],
  properties: {
    id: { type: 'integer' },
    customerId: { type: 'string' },
    previousTier: { type: 'string', nullable: true, description: 'null at the first grading' },
    newTier: { type: 'string', nullable: true },
    score: { type: 'number', nullable: true },
    policy: schemaRef('PolicyRef'),
    facts: { type: 'object', additionalProperties: true, description: 'The facts the change was decided on' },
    cause: { type: 'string', enum: ['policy-publish', 'fact-change', 'manual-override', 'regrade'] },
    actor: { type: 'string', example: 'user:alice' },
    at: { type: 'string', format: 'date-time' },
  },
};

/** Named under components/schemas; operations refer to them by these names. */
export const TIER_HISTORY_SCHEMAS: Readonly<Record<string, SchemaObject>> = { TierHistoryEntry: TIER_HISTORY_ENTRY };
