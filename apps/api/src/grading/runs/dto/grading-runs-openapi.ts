import type { SchemaObject } from '@nestjs/swagger';
import { RUN_CAUSES, RUN_KINDS, RUN_STATUSES } from '../grading-run.js';

// OpenAPI schemas of the grading-run routes.

const counts: SchemaObject = { type: 'object', additionalProperties: { type: 'integer' }, example: { A: 18, B: 58, C: 424 } };
const treatmentCounts: SchemaObject = {
  type: 'object',
  required: ['feeCharged', 'monthlyFees', 'dedicatedAccountManagers', 'greenChannel', 'blacklisted'],
  properties: {
    feeCharged: { type: 'integer', description: 'Customers charged a fee.' },
    monthlyFees: {
      type: 'object',
      additionalProperties: { type: 'number' },
      description: 'Fees per month by currency (a yearly fee counts a twelfth).',
      example: { HKD: 1240 },
    },
    dedicatedAccountManagers: { type: 'integer', description: 'Customers given a dedicated account manager.' },
    greenChannel: { type: 'integer', description: 'Customers queued in the green channel.' },
    blacklisted: { type: 'integer' },
  },
};

const GRADING_RUN: SchemaObject = {
  type: 'object',
  required: [
    'id',
    'kind',
    'cause',
    'status',
    'policy',
    'filter',
    'total',
    'evaluated',
    'changed',
    'failed',
    'decisionsWritten',
    'tiers',
    'migration',
    'treatments',
    'population',
    'error',
    'supersededBy',
    'startedBy',
    'startedAt',
    'finishedAt',
  ],
  properties: {
    id: { type: 'integer', minimum: 1 },
    kind: {
      type: 'string',
      enum: [...RUN_KINDS],
      description: 'grade writes decisions and tier history; simulation writes nothing but its counts.',
    },
    cause: { type: 'string', enum: [...RUN_CAUSES] },
    status: {
      type: 'string',
      enum: [...RUN_STATUSES],
      description: 'A newer grading run of the same policy supersedes an unfinished one: it ends failed, with supersededBy.',
    },
    policy: {
      type: 'object',
      required: ['id', 'version', 'hash'],
      properties: {
        id: { type: 'string' },
        version: { type: 'integer' },
        hash: {
          type: 'string',
          nullable: true,
          description: "The graded document's hash; for a simulated draft, its hash when the simulation started.",
        },
      },
    },
    filter: {
      type: 'object',
      nullable: true,
      properties: { ids: { type: 'array', items: { type: 'string' } }, tiers: { type: 'array', items: { type: 'string' } } },
    },
    total: { type: 'integer', nullable: true, description: 'Customers the run covers; null until planned.' },
    evaluated: { type: 'integer', description: 'Customers evaluated so far.' },
    changed: { type: 'integer', description: 'Customers whose tier changed (one tier-history row each for a grading run).' },
    failed: { type: 'integer', description: 'Customers whose facts do not fit the policy: listed at /failures.' },
    decisionsWritten: { type: 'integer', description: 'Stored decisions rewritten (0 for a simulation).' },
    tiers: { type: 'object', required: ['before', 'after'], properties: { before: counts, after: counts } },
    migration: {
      type: 'object',
      additionalProperties: counts,
      description: 'migration[from][to]: customers that moved from one tier to another ("none": no tier); the unchanged on the diagonal.',
      example: { A: { A: 15, B: 3 }, B: { B: 58 } },
    },
    treatments: {
      type: 'object',
      nullable: true,
      description: 'Simulations: the treatments that cost money or capacity, before and after.',
      required: ['before', 'after', 'newlyCharged', 'noLongerCharged'],
      properties: {
        before: treatmentCounts,
        after: treatmentCounts,
        newlyCharged: { type: 'integer', description: 'Customers charged a fee after and not before.' },
        noLongerCharged: { type: 'integer' },
      },
    },
    population: {
      type: 'object',
      nullable: true,
      additionalProperties: true,
      description: 'Per population fact of the policy (rank, percentile, cumulative share): what it measured and over how many customers.',
    },
    error: { type: 'string', nullable: true },
    supersededBy: { type: 'integer', nullable: true },
    startedBy: { type: 'string', example: 'user:alice' },
    startedAt: { type: 'string', format: 'date-time' },
    finishedAt: { type: 'string', format: 'date-time', nullable: true },
  },
};

export const GRADING_RUN_SCHEMAS: Record<string, SchemaObject> = {
  GradingRun: GRADING_RUN,
  GradingRunFailure: {
    type: 'object',
    required: ['customerId', 'reason'],
    properties: { customerId: { type: 'string' }, reason: { type: 'string', example: '/balance: balance is required' } },
  },
  SimulateRequest: { type: 'object', additionalProperties: false, description: 'A simulation takes no settings: send {} or no body.' },
  StartGradingRunRequest: {
    type: 'object',
    additionalProperties: false,
    properties: {
      policyId: { type: 'string', description: 'The grading policy (the default); another policy cannot grade customers.' },
      filter: {
        type: 'object',
        additionalProperties: false,
        properties: {
          ids: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 10000 },
          tiers: {
            type: 'array',
            items: { type: 'string' },
            minItems: 1,
            description: 'Customers currently in these tiers ("none": no tier).',
          },
        },
      },
    },
  },
};
