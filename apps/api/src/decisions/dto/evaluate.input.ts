import { DomainException } from '../../common/domain.exception.js';
import type { FieldError } from '../../common/field-error.js';
import { isPlainObject } from '../../common/request-shape.js';
import { isCustomerId } from '../../customers/customer-id.js';

export interface EvaluateInput {
  customerId: string | null;
  facts: Record<string, unknown>;
  policyVersion: number | null;
}

const KEYS = new Set(['customerId', 'facts', 'policyVersion']);

export function parseEvaluate(body: unknown): EvaluateInput {
  if (!isPlainObject(body)) {
    throw DomainException.invalidRequest([{ path: '', message: 'the body must be a JSON object with facts' }]);
  }
  const errors: FieldError[] = [];
  for (const key of Object.keys(body)) {
    if (!KEYS.has(key)) errors.push({ path: `/${key}`, message: `unknown field '${key}'; use customerId, facts and policyVersion` });
  }
  const { customerId, facts, policyVersion } = body;
  if (customerId !== undefined && customerId !== null && !isCustomerId(customerId)) {
    errors.push({ path: '/customerId', message: 'customerId must be a customer id (letters, digits, . _ : -)' });
  }
  if (!isPlainObject(facts)) errors.push({ path: '/facts', message: 'facts is required and must be an object' });
  else if ('customerId' in facts) errors.push({ path: '/facts/customerId', message: 'give customerId beside facts, not inside them' });
  if (policyVersion !== undefined && policyVersion !== null && !(Number.isSafeInteger(policyVersion) && (policyVersion as number) > 0)) {
    errors.push({ path: '/policyVersion', message: 'policyVersion must be a version number (1, 2, ...)' });
  }
  if (errors.length > 0) throw DomainException.invalidRequest(errors);
  return {
    customerId: (customerId as string | undefined) ?? null,
    facts: facts as Record<string, unknown>,
    policyVersion: (policyVersion as number | undefined) ?? null,
  };
}
