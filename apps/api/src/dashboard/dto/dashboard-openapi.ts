import type { SchemaObject } from '@nestjs/swagger';
import { arrayOf, schemaRef } from '../../openapi/schema-ref.js';

// The OpenAPI schemas of the dashboard's answers (dashboard.dto.ts).

const share: SchemaObject = { type: 'number', minimum: 0, maximum: 1 };

const DASHBOARD_POLICY: SchemaObject = {
  type: 'object',
  nullable: true,
  description: 'The policy in force, whose tier order the answer follows; null when none is',
  required: ['id', 'version'],
  properties: { id: { type: 'string', example: 'default' }, version: { type: 'integer', example: 1 } },
};

const TIER_SLICE: SchemaObject = {
  type: 'object',
  required: ['tier', 'customers', 'customerShare', 'value', 'valueShare'],
  properties: {
    tier: { type: 'string', example: 'A' },
    customers: { type: 'integer', minimum: 0 },
    customerShare: { ...share, description: 'Of the customers graded into a tier' },
    value: { type: 'number', description: 'The value fact summed over these customers' },
    valueShare: { ...share, description: 'Of the value held by customers graded into a tier' },
  },
};

const DASHBOARD_TIERS: SchemaObject = {
  type: 'object',
  required: ['policy', 'valueFact', 'customers', 'graded', 'ungraded', 'untiered', 'totalValue', 'tiers'],
  properties: {
    policy: schemaRef('DashboardPolicy'),
    valueFact: { type: 'string', example: 'balance', description: 'The fact summed as value' },
    customers: { type: 'integer', minimum: 0 },
    graded: { type: 'integer', minimum: 0 },
    ungraded: { type: 'integer', minimum: 0 },
    untiered: { type: 'integer', minimum: 0, description: 'Graded into no tier' },
    totalValue: { type: 'number', description: 'The value fact summed over every customer, graded or not' },
    tiers: arrayOf('TierSlice'),
  },
};

const MATRIX_AXIS: SchemaObject = {
  type: 'object',
  required: ['fact', 'edges', 'split', 'splitRule'],
  properties: {
    fact: { type: 'string', example: 'balance' },
    edges: {
      type: 'array',
      items: { type: 'number' },
      description:
        'Bin i holds edges[i] <= x < edges[i + 1]; the last bin is open above; values below the first edge count in the first bin',
    },
    split: { type: 'number', description: 'High from this edge up' },
    splitRule: { type: 'string', description: 'How the split was chosen, in words' },
  },
};

const QUADRANT: SchemaObject = {
  type: 'object',
  required: ['quadrant', 'customers'],
  properties: {
    quadrant: {
      type: 'string',
      enum: ['high-value-high-potential', 'high-value-low-potential', 'low-value-high-potential', 'low-value-low-potential'],
    },
    customers: { type: 'integer', minimum: 0 },
  },
};

const VALUE_MATRIX: SchemaObject = {
  type: 'object',
  required: ['value', 'potential', 'customers', 'withoutFacts', 'counts', 'quadrants'],
  properties: {
    value: schemaRef('MatrixAxis'),
    potential: schemaRef('MatrixAxis'),
    customers: { type: 'integer', minimum: 0, description: 'Customers with both facts (in the grid)' },
    withoutFacts: { type: 'integer', minimum: 0, description: 'Customers missing either fact, not in the grid' },
    counts: {
      type: 'array',
      description: 'counts[p][v]: customers in potential bin p and value bin v',
      items: { type: 'array', items: { type: 'integer', minimum: 0 } },
    },
    quadrants: arrayOf('Quadrant'),
  },
};

/** Named under components/schemas; operations refer to them by these names. */
export const DASHBOARD_SCHEMAS: Readonly<Record<string, SchemaObject>> = {
  DashboardPolicy: DASHBOARD_POLICY,
  TierSlice: TIER_SLICE,
  DashboardTiers: DASHBOARD_TIERS,
  MatrixAxis: MATRIX_AXIS,
  Quadrant: QUADRANT,
  ValueMatrix: VALUE_MATRIX,
};
