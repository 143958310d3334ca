import type { SchemaObject } from '@nestjs/swagger';
import { PROTECTION_SCHEMA } from '../../decisions/dto/decision-openapi.js';
import { arrayOf, schemaRef } from '../../openapi/schema-ref.js';

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
    inputs: {
      type: 'object',
      nullable: true,
      required: ['at'],
      description:
        'What the evaluation was given besides the facts and the version, so POST /tier-history/{id}/replay can repeat it: the grading time, the standing the customer had (downgrade protection; absent on a first grading), the tier set by hand, the population facts. null on rows written before they were kept.',
      properties: {
        at: { type: 'string', format: 'date-time' },
        standing: schemaRef('Standing'),
        tierOverride: {
          type: 'object',
          required: ['tier', 'reason'],
          properties: { tier: { type: 'string' }, reason: { type: 'string' } },
        },
        populationFacts: { type: 'object', additionalProperties: { type: 'number' } },
      },
    },
    protection: {
      ...PROTECTION_SCHEMA,
      nullable: true,
      description:
        'Downgrade protection, when it held in this grading (the tier moved one step only), as the decision said; null when it did not',
    },
  },
};

const STANDING: SchemaObject = {
  type: 'object',
  required: ['tier', 'since'],
  description: 'Where a customer stood after a grading, as downgrade protection counts it',
  properties: {
    tier: { type: 'string', nullable: true },
    since: { type: 'string', format: 'date-time', description: 'when it entered the tier' },
    below: {
      type: 'object',
      nullable: true,
      required: ['count', 'since'],
      description: 'consecutive gradings whose rules put it below its tier, and when the first was',
      properties: { count: { type: 'integer', minimum: 1 }, since: { type: 'string', format: 'date-time' } },
    },
  },
};

const OUTCOME_PROPERTIES: Record<string, SchemaObject> = {
  tier: { type: 'string', nullable: true },
  score: { type: 'number', nullable: true },
  protection: { ...PROTECTION_SCHEMA, nullable: true },
};

const TIER_HISTORY_REPLAY: SchemaObject = {
  type: 'object',
  required: ['identical', 'stored', 'replayed'],
  description:
    "A tier history row evaluated again from its stored facts, inputs and policy version: `stored` is the row's outcome, `replayed` the evaluation's, with the whole decision it made.",
  properties: {
    identical: { type: 'boolean', description: 'the replayed tier, score and protection are exactly the stored ones' },
    stored: { type: 'object', required: ['tier', 'score', 'protection'], properties: OUTCOME_PROPERTIES },
    replayed: {
      type: 'object',
      required: ['tier', 'score', 'protection'],
      properties: {
        ...OUTCOME_PROPERTIES,
        decision: schemaRef('Decision'),
        errors: {
          ...arrayOf('FieldError'),
          description: 'why the row could not be evaluated again (then there is no decision, and nothing is identical)',
        },
      },
    },
  },
};

/** Named under components/schemas; operations refer to them by these names. */
export const TIER_HISTORY_SCHEMAS: Readonly<Record<string, SchemaObject>> = {
  TierHistoryEntry: TIER_HISTORY_ENTRY,
  Standing: STANDING,
  TierHistoryReplay: TIER_HISTORY_REPLAY,
};
