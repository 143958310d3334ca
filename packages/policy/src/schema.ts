import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import policySchema from '../schema/policy.schema.json' with { type: 'json' };
import type { Finding } from './finding.js';

export { policySchema };

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateDocument = ajv.compile(policySchema);

/** Structural check against the JSON Schema, one finding per problem. */
export function checkSchema(document: unknown): Finding[] {
  if (validateDocument(document)) return [];
  return (validateDocument.errors ?? [])
    .filter((error) => error.keyword !== 'if')
    .map((error) => ({
      severity: 'error' as const,
      code: 'schema' as const,
      path: errorPath(error),
      message: plainMessage(error),
    }));
}

function errorPath(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') {
    return `${error.instancePath}/${String(error.params['additionalProperty'])}`;
  }
  return error.instancePath;
}

function plainMessage(error: ErrorObject): string {
  const params = error.params;
  switch (error.keyword) {
    case 'required':
      return `'${String(params['missingProperty'])}' is missing`;
    case 'additionalProperties':
      return `'${String(params['additionalProperty'])}' is not a known property here`;
    case 'type':
      return `must be ${article(String(params['type']).replace(/,/g, ' or '))}`;
    case 'enum':
      return `must be one of: ${(params['allowedValues'] as unknown[]).join(', ')}`;
    case 'pattern':
      return `'${String(error.data)}' is not a valid id: start with a letter, then use letters, digits, '-' or '_'`;
    case 'minItems':
      return `needs at least ${String(params['limit'])} item(s)`;
    case 'minProperties':
      return `needs at least ${String(params['limit'])} entry`;
    default:
      return error.message ?? 'is not valid';
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
