import { OPERATORS, policySchema } from '@tierwise/policy';

/**
 * The policy JSON Schema as the JSON editor checks it. The package's schema leaves `operator` a free string
 * (lint names the unknown operator); the editor also lists the allowed operators, so Monaco completes them
 * and marks a misspelt one where it is typed.
 */
export function editorPolicySchema(): Record<string, unknown> {
  const schema = structuredClone(policySchema) as unknown as {
    $schema?: string;
    $defs: { factCondition: { properties: Record<string, unknown> } };
  } & Record<string, unknown>;
  // Monaco's JSON service reads $defs, $ref and if/then/else without the draft 2020-12 marker, which it reports as partly supported.
  delete schema.$schema;
  schema.$defs.factCondition.properties['operator'] = { enum: [...OPERATORS], description: 'a json-rules-engine operator' };
  return schema;
}

export const POLICY_SCHEMA_URI = 'https://tierwise.dev/schema/policy.schema.json';
