import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import policySchema from '../schema/policy.schema.json' with { type: 'json' };
import { pointer, type Finding } from './finding.js';

export { policySchema };

// verbose: errors carry the offending value, which messages quote.
const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
const validateDocument = ajv.compile(policySchema);

/** Structural check against the JSON Schema, one finding per problem. */
export function checkSchema(document: unknown): Finding[] {
  if (validateDocument(document)) return [];
  return (
    (validateDocument.errors ?? [])
      // 'if' and 'propertyNames' only wrap the error that says what is wrong.
      .filter((error) => error.keyword !== 'if' && error.keyword !== 'propertyNames')
      .map((error) => ({
        severity: 'error' as const,
        code: 'schema' as const,
        path: errorPath(error),
        message: plainMessage(error),
      }))
  );
}

function errorPath(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') {
    return error.instancePath + pointer(String(error.params['additionalProperty']));
  }
  // An error about a key itself (e.g. a fact name) points at that key.
  if (error.propertyName !== undefined) return error.instancePath + pointer(error.propertyName);
  return error.instancePath;
}

function plainMessage(error: ErrorObject): string {
  const params = error.params;
  switch (error.keyword) {
    case 'required':
      // topLevelCondition falls back to requiring 'all' when no group is given.
      if (params['missingProperty'] === 'all') return "conditions must be grouped under 'all', 'any' or 'not'";
      return `'${String(params['missingProperty'])}' is missing`;
    case 'additionalProperties':
      return `'${String(params['additionalProperty'])}' is not a known property here`;
    case 'type':
      return `must be ${article(String(params['type']).replace(/,/g, ' or '))}`;
    case 'enum':
      return `must be one of: ${(params['allowedValues'] as unknown[]).join(', ')}`;
    case 'pattern':
      return `'${String(error.propertyName ?? error.data)}' is not a valid id: start with a letter, then use letters, digits, '-' or '_'`;
    case 'minItems':
      return `needs at least ${String(params['limit'])} item(s)`;
    case 'minProperties':
      return `needs at least ${String(params['limit'])} entry`;
    case 'minLength':
      return params['limit'] === 1 ? 'must not be empty' : `must be at least ${String(params['limit'])} characters long`;
    case 'maxLength':
      return `must be at most ${String(params['limit'])} characters long`;
    case 'minimum':
      return `must be at least ${String(params['limit'])}`;
    case 'exclusiveMinimum':
      return `must be more than ${String(params['limit'])}`;
    case 'uniqueItems': {
      const items = [Number(params['i']), Number(params['j'])];
      return `lists the same value twice (items ${Math.min(...items) + 1} and ${Math.max(...items) + 1})`;
    }
    default:
      return error.message ?? 'is not valid';
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
