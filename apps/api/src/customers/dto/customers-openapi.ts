import type { SchemaObject } from '@nestjs/swagger';
import { schemaRef } from '../../openapi/schema-ref.js';
import { MAX_REASON } from './tier-override.input.js';
import { MAX_NAME } from './upsert-customer.input.js';

// OpenAPI schemas of the customer routes. Bodies are parsed by hand
// (upsert-customer.input.ts, tier-override.input.ts), so the document states them here, once.

const timestamp: SchemaObject = { type: 'string', format: 'date-time' };
const facts: SchemaObject = {
  type: 'object',
  additionalProperties: true,
  description: "The customer's facts, as the policy in force declares them",
  example: { revenue: 120000, tenureMonths: 30, region: 'north' },
};

const STORED_TIER_OVERRIDE: SchemaObject = {
  type: 'object',
  required: ['tier', 'reason', 'by', 'at'],
  properties: {
    tier: { type: 'string', example: 'A' },
    reason: { type: 'string' },
    by: { type: 'string', example: 'user:alice' },
    at: timestamp,
    expiresAt: { ...timestamp, description: 'When it lapses and the rules decide again (cleared within a minute); absent: until cleared' },
  },
};

const CUSTOMER: SchemaObject = {
  type: 'object',
  required: [
    'id',
    'name',
    'phone',
    'facts',
    'tier',
    'score',
    'policyVersion',
    'gradedAt',
    'tierOverride',
    'version',
    'createdAt',
    'updatedAt',
  ],
  properties: {
    id: { type: 'string', example: 'C-1001' },
    name: { type: 'string' },
    phone: { type: 'string', nullable: true, description: 'E.164; unique when present', example: '+8613800000000' },
    facts,
    tier: { type: 'string', nullable: true, description: 'null until graded, or when no tier matched' },
    score: { type: 'number', nullable: true },
    policyVersion: { type: 'integer', nullable: true, description: 'The version the customer was last graded by' },
    gradedAt: { ...timestamp, nullable: true },
    tierOverride: { ...STORED_TIER_OVERRIDE, nullable: true, description: 'A tier set by hand; null when the rules decide' },
    version: { type: 'integer', minimum: 1, description: 'Bumped by every change; the ETag' },
    createdAt: timestamp,
    updatedAt: timestamp,
  },
};

const UPSERT_CUSTOMER_BODY: SchemaObject = {
  type: 'object',
  required: ['name', 'facts'],
  description:
    'The read-only fields of a customer may be sent back as read (react-admin does) and are ignored; `id`, if sent, must be the one in the URL.',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: MAX_NAME },
    phone: { type: 'string', nullable: true, pattern: '^\\+[1-9]\\d{1,14}$', description: 'E.164; absent or null for none' },
    facts,
  },
};

const TIER_OVERRIDE_BODY: SchemaObject = {
  type: 'object',
  required: ['tier', 'reason'],
  additionalProperties: false,
  properties: {
    tier: { type: 'string', description: 'a tier of the policy in force (422 otherwise)' },
    reason: { type: 'string', minLength: 1, maxLength: MAX_REASON, description: 'why; shown to call-centre agents' },
    expiresAt: {
      ...timestamp,
      nullable: true,
      description:
        'Optional: when the override lapses, with its offset (2027-06-30T23:59:59Z); it must be in the future (400 otherwise). ' +
        'A job then clears it and re-grades the customer (actor "system"). Absent or null: until cleared.',
    },
  },
};

const IMPORT_RESULT: SchemaObject = {
  type: 'object',
  required: ['imported', 'created', 'updated', 'unchanged', 'tierChanges', 'tiers', 'policy'],
  properties: {
    imported: { type: 'integer', minimum: 0 },
    created: { type: 'integer', minimum: 0 },
    updated: { type: 'integer', minimum: 0 },
    unchanged: { type: 'integer', minimum: 0, description: 'Already stored with the same name and facts' },
    tierChanges: { type: 'integer', minimum: 0, description: 'Customers whose tier changed, first gradings included' },
    tiers: {
      type: 'object',
      additionalProperties: { type: 'integer' },
      description: 'Imported customers per tier ("none" for no tier)',
      example: { A: 3, B: 10, none: 1 },
    },
    policy: schemaRef('PolicyRef'),
  },
};

/** Named under components/schemas; operations refer to them by these names. */
export const CUSTOMER_SCHEMAS: Readonly<Record<string, SchemaObject>> = {
  Customer: CUSTOMER,
  UpsertCustomerRequest: UPSERT_CUSTOMER_BODY,
  TierOverrideRequest: TIER_OVERRIDE_BODY,
  ImportResult: IMPORT_RESULT,
};
