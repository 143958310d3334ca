import type { SchemaObject } from '@nestjs/swagger';
import { AUDIT_SCHEMAS } from '../audit/dto/audit-openapi.js';
import { AUTH_SCHEMAS } from '../auth/dto/auth-openapi.js';
import { CUSTOMER_SCHEMAS } from '../customers/dto/customers-openapi.js';
import { DASHBOARD_SCHEMAS } from '../dashboard/dto/dashboard-openapi.js';
import { DECISION_SCHEMAS } from '../decisions/dto/decision-openapi.js';
import { GRADING_RUN_SCHEMAS } from '../grading/runs/dto/grading-runs-openapi.js';
import { HEALTH_SCHEMAS } from '../health/dto/health-openapi.js';
import { POLICY_SCHEMAS } from '../policies/dto/policies-openapi.js';
import { TIER_HISTORY_SCHEMAS } from '../tier-history/dto/tier-history-openapi.js';
import { FIELD_ERROR_SCHEMA, PROBLEM_SCHEMA } from './problem-openapi.js';

/** Every schema the document names under components/schemas: what a generated client turns into types. */
export function namedSchemas(): Record<string, SchemaObject> {
  const features = [
    AUTH_SCHEMAS,
    POLICY_SCHEMAS,
    DECISION_SCHEMAS,
    CUSTOMER_SCHEMAS,
    TIER_HISTORY_SCHEMAS,
    AUDIT_SCHEMAS,
    DASHBOARD_SCHEMAS,
    GRADING_RUN_SCHEMAS,
    HEALTH_SCHEMAS,
  ];
  const named: Record<string, SchemaObject> = { Problem: PROBLEM_SCHEMA, FieldError: FIELD_ERROR_SCHEMA };
  for (const schemas of features) {
    for (const [name, schema] of Object.entries(schemas)) {
      if (name in named) throw new Error(`two OpenAPI schemas are named ${name}`);
      named[name] = schema;
    }
  }
  return named;
}
