import type { SchemaObject } from '@nestjs/swagger';
import { schemaRef } from '../../openapi/schema-ref.js';

// OpenAPI schemas for the decision routes; the shapes are @tierwise/policy's Decision.
const nullable = (type: string): SchemaObject => ({ type, nullable: true });

export const POLICY_REF_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['id', 'version', 'hash'],
  description: 'The policy version a decision was made by',
  properties: {
    id: { type: 'string', example: 'default' },
    version: { type: 'integer', nullable: true, description: 'null for a document evaluated outside the store' },
    hash: { type: 'string', example: 'sha256:...' },
  },
};

const PROTECTION_COUNT: SchemaObject = {
  type: 'object',
  required: ['count', 'of'],
  properties: { count: { type: 'integer' }, of: { type: 'integer' } },
};

export const PROTECTION_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['ruledTier', 'keptTier', 'reason'],
  description:
    "Downgrade protection held: the decision's tier is not the one the rules give (kept, or lowered one tier at a time). The explanation says the same in words.",
  properties: {
    ruledTier: { ...nullable('string'), description: 'the tier the rules give; null when none applies', example: 'B' },
    keptTier: { ...nullable('string'), description: "the decision's tier", example: 'A' },
    gradings: { ...PROTECTION_COUNT, description: "consecutive gradings below the tier, this one included, of the policy's gradings" },
    days: { ...PROTECTION_COUNT, description: "whole days since the customer first graded below the tier, of the policy's days" },
    daysInTier: { ...PROTECTION_COUNT, description: "whole days in the tier, of the policy's minimumDaysInTier" },
    reason: { type: 'string', example: 'grace 1 of 2' },
  },
};

export const DECISION_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['customerId', 'tier', 'score', 'breakdown', 'treatments', 'explanation', 'policy'],
  properties: {
    customerId: nullable('string'),
    tier: { ...nullable('string'), example: 'A' },
    score: { ...nullable('number'), description: 'null when the policy has no scorecard', example: 82 },
    breakdown: {
      type: 'array',
      items: {
        type: 'object',
        required: ['criterion', 'points', 'max', 'reason'],
        properties: { criterion: { type: 'string' }, points: { type: 'number' }, max: { type: 'number' }, reason: { type: 'string' } },
      },
    },
    treatments: {
      type: 'object',
      description: 'by treatment type, at most one of each (queue, accountManager, fee, blacklist, ...)',
      additionalProperties: { type: 'object', additionalProperties: true },
      example: { queue: { priority: 1, greenChannel: true, slaSeconds: 20, slaTarget: 0.9 } },
    },
    explanation: { type: 'array', items: { type: 'string' }, description: 'lines for a call-centre agent' },
    policy: schemaRef('PolicyRef'),
    protection: schemaRef('Protection'),
  },
};

export const STORED_DECISION_SCHEMA: SchemaObject = {
  allOf: [
    schemaRef('Decision'),
    {
      type: 'object',
      required: ['gradedAt', 'cause'],
      properties: {
        id: { type: 'string', description: 'The customer id again, as react-admin needs an id on every record' },
        gradedAt: { type: 'string', format: 'date-time' },
        cause: { type: 'string', enum: ['policy-publish', 'fact-change', 'manual-override', 'regrade'] },
      },
    },
  ],
};

export const EVALUATE_BODY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['facts'],
  additionalProperties: false,
  properties: {
    customerId: nullable('string'),
    facts: { type: 'object', additionalProperties: true, description: "the customer's facts, as the policy declares them" },
    policyVersion: {
      type: 'integer',
      minimum: 1,
      nullable: true,
      description: 'a version of policy default; the one in force when absent',
    },
  },
};

/** Named under components/schemas; operations refer to them by these names. */
export const DECISION_SCHEMAS: Readonly<Record<string, SchemaObject>> = {
  PolicyRef: POLICY_REF_SCHEMA,
  Decision: DECISION_SCHEMA,
  Protection: PROTECTION_SCHEMA,
  StoredDecision: STORED_DECISION_SCHEMA,
  EvaluateRequest: EVALUATE_BODY_SCHEMA,
};
