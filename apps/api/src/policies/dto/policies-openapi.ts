import type { SchemaObject } from '@nestjs/swagger';
import { schemaRef } from '../../openapi/schema-ref.js';

// OpenAPI schemas of the policy routes' bodies and answers. Bodies are parsed by
// hand (policy-inputs.ts), so the document states them here, once.

const timestamp: SchemaObject = { type: 'string', format: 'date-time' };
const nullableTimestamp: SchemaObject = { type: 'string', format: 'date-time', nullable: true };
const version: SchemaObject = { type: 'integer', minimum: 1 };
const hash: SchemaObject = {
  type: 'string',
  pattern: '^sha256:[0-9a-f]{64}$',
  description: 'SHA-256 of the canonical rules (RFC 8785), version number excluded.',
};
const status: SchemaObject = { type: 'string', enum: ['draft', 'published', 'superseded', 'discarded'] };
const label: SchemaObject = { type: 'object', required: ['en'], properties: { en: { type: 'string' }, zh: { type: 'string' } } };
const policyDocument: SchemaObject = {
  type: 'object',
  description: 'A policy document (packages/policy/schema/policy.schema.json). Its id and version are set by the server.',
  additionalProperties: true,
};

const FINDING: SchemaObject = {
  type: 'object',
  required: ['severity', 'code', 'path', 'message'],
  properties: {
    severity: { type: 'string', enum: ['error', 'warning'] },
    code: { type: 'string', example: 'unknown-fact' },
    path: { type: 'string', description: 'JSON pointer into the document', example: '/grading/tiers/0/conditions/all/0/fact' },
    message: { type: 'string' },
  },
};

export const POLICY: SchemaObject = {
  type: 'object',
  required: [
    'id',
    'name',
    'createdAt',
    'publishedVersion',
    'publishedHash',
    'publishedAt',
    'publishedBy',
    'latestVersion',
    'drafts',
    'grading',
    'schedule',
  ],
  properties: {
    grading: { type: 'boolean', description: 'Whether this policy grades the stored customers: exactly one does.' },
    schedule: {
      type: 'string',
      example: '0 2 1 * *',
      description: 'When its scheduled grading runs start while it grades: a cron, in UTC.',
    },
    id: { type: 'string', example: 'default' },
    name: label,
    createdAt: timestamp,
    publishedVersion: { ...version, nullable: true, description: 'The version customers are graded by.' },
    publishedHash: { ...hash, nullable: true },
    publishedAt: nullableTimestamp,
    publishedBy: { type: 'string', nullable: true },
    latestVersion: { ...version, nullable: true },
    drafts: { type: 'integer', minimum: 0 },
  },
};

const summaryProperties: Record<string, SchemaObject> = {
  id: { ...version, description: 'The version number (react-admin needs an id).' },
  policyId: { type: 'string' },
  version,
  status,
  hash: { ...hash, nullable: true, description: 'Pinned at publication; null for a draft.' },
  revision: { type: 'integer', minimum: 1, description: 'Bumped by every save; the ETag, and what an edit must name.' },
  lint: { type: 'object', required: ['errors', 'warnings'], properties: { errors: { type: 'integer' }, warnings: { type: 'integer' } } },
  basedOn: { ...version, nullable: true, description: 'The version this one copies (a copy or a rollback).' },
  baseVersion: { ...version, nullable: true, description: 'The version in force when the draft was started.' },
  note: { type: 'string', nullable: true },
  createdBy: { type: 'string', example: 'user:alice' },
  createdAt: timestamp,
  updatedBy: { type: 'string' },
  updatedAt: timestamp,
  publishedBy: { type: 'string', nullable: true },
  publishedAt: nullableTimestamp,
  supersededAt: nullableTimestamp,
};

export const VERSION_SUMMARY: SchemaObject = {
  type: 'object',
  required: Object.keys(summaryProperties),
  properties: summaryProperties,
};

export const VERSION: SchemaObject = {
  type: 'object',
  required: [...Object.keys(summaryProperties), 'document', 'lintFindings'],
  properties: { ...summaryProperties, document: policyDocument, lintFindings: { type: 'array', items: schemaRef('LintFinding') } },
};

export const CREATE_DRAFT_BODY: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  description: '{} for an empty skeleton, {"document": {...}} for an uploaded file, or {"copyOf": 2} for a copy of any version.',
  properties: { document: policyDocument, copyOf: version, note: { type: 'string', maxLength: 500 } },
};

export const UPDATE_DRAFT_BODY: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['document'],
  description: 'The revision you edited goes in `revision` or in If-Match: "n"; a stale one is refused with 409 draft-conflict.',
  properties: {
    document: policyDocument,
    revision: { type: 'integer', minimum: 1 },
    note: { type: 'string', maxLength: 500, nullable: true },
  },
};

export const TEST_BODY: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  description: 'Either facts, or the id of a stored customer whose facts are used.',
  properties: { facts: { type: 'object', additionalProperties: true }, customerId: { type: 'string' } },
};

const CONDITION_TRACE: SchemaObject = {
  type: 'object',
  properties: {
    path: { type: 'string' },
    fact: { type: 'string' },
    operator: { type: 'string' },
    value: {},
    factValue: {},
    result: { type: 'boolean', nullable: true, description: 'null: not evaluated (short-circuit)' },
  },
};

export const TEST_RESPONSE: SchemaObject = {
  type: 'object',
  required: ['policyId', 'version', 'status', 'decision', 'trace', 'warnings'],
  properties: {
    policyId: { type: 'string' },
    version,
    status,
    decision: schemaRef('Decision'),
    trace: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          stage: { type: 'string', enum: ['scorecard', 'tier', 'treatment'] },
          path: { type: 'string', example: '/grading/tiers/0' },
          result: { type: 'boolean' },
          conditions: { type: 'array', items: CONDITION_TRACE },
        },
      },
    },
    warnings: { type: 'array', items: schemaRef('LintFinding') },
  },
};

export const PUBLISH_BODY: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  properties: {
    supersedes: {
      ...version,
      nullable: true,
      description:
        'The version you expect to replace. Default: the one in force when the draft was started; a different one in force is refused with 409 publish-conflict.',
    },
    revision: { type: 'integer', minimum: 1, description: 'Publish only if the draft is still at this revision (also If-Match).' },
  },
};

export const ROLLBACK_BODY: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  properties: { supersedes: { ...version, description: 'The version you expect to replace.' } },
};

export const PUBLISH_RESPONSE: SchemaObject = {
  type: 'object',
  required: ['version', 'superseded', 'gradingRun'],
  properties: {
    version: schemaRef('PolicyVersion'),
    superseded: { ...version, nullable: true },
    gradingRun: {
      type: 'object',
      nullable: true,
      required: ['id'],
      description:
        'The run re-grading every customer under the new version; follow it at /api/v1/grading-runs/{id}. Null when the policy grades nobody.',
      properties: { id: { type: 'integer', minimum: 1 } },
    },
  },
};

export const DIFF_RESPONSE: SchemaObject = {
  type: 'object',
  required: ['policyId', 'from', 'to', 'changes', 'summary'],
  properties: {
    policyId: { type: 'string' },
    from: version,
    to: version,
    changes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['op', 'path'],
        properties: {
          op: { type: 'string', enum: ['added', 'removed', 'changed', 'moved'] },
          path: { type: 'string' },
          before: {},
          after: {},
        },
      },
    },
    summary: { type: 'array', items: { type: 'string' }, example: ['tier A threshold 75 -> 80'] },
  },
};

/** Named under components/schemas; operations refer to them by these names. */
export const POLICY_SCHEMAS: Readonly<Record<string, SchemaObject>> = {
  Policy: POLICY,
  PolicyVersionSummary: VERSION_SUMMARY,
  PolicyVersion: VERSION,
  LintFinding: FINDING,
  CreateDraftRequest: CREATE_DRAFT_BODY,
  UpdateDraftRequest: UPDATE_DRAFT_BODY,
  PolicyTestRequest: TEST_BODY,
  PolicyTestResult: TEST_RESPONSE,
  PublishRequest: PUBLISH_BODY,
  RollbackRequest: ROLLBACK_BODY,
  PublishResult: PUBLISH_RESPONSE,
  PolicyDiff: DIFF_RESPONSE,
  CreatePolicyRequest: {
    type: 'object',
    required: ['id'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]{0,63}$', example: 'abc-pareto' },
      name: { oneOf: [{ type: 'string' }, label], description: "Absent: the document's name, or the id." },
      document: {
        ...policyDocument,
        description: 'Version 1, saved as a draft (its id and version are set by the server); absent: an empty skeleton.',
      },
    },
  },
  UpdatePolicyRequest: {
    type: 'object',
    description: 'What GET answers may be sent back whole (react-admin); only these two fields change anything.',
    properties: {
      grading: {
        type: 'boolean',
        description: 'true: this policy grades the customers from now on (another stops), and a grading run starts.',
      },
      schedule: { type: 'string', example: '0 2 1 * *', description: 'A cron of five fields, in UTC: when scheduled grading runs start.' },
    },
  },
  PolicyUpdateResult: {
    allOf: [
      schemaRef('Policy'),
      {
        type: 'object',
        required: ['gradingRun'],
        properties: {
          gradingRun: {
            type: 'object',
            nullable: true,
            required: ['id'],
            description: 'The run that re-grades every customer when this policy became the grading one; null otherwise.',
            properties: { id: { type: 'integer', minimum: 1 } },
          },
        },
      },
    ],
  },
};
