import { DomainException } from '../../common/domain.exception.js';
import type { FieldError } from '../../common/field-error.js';
import { isPlainObject } from '../../common/request-shape.js';
import { isPhone, PHONE_RULE } from '../phone.js';
import { READ_ONLY_CUSTOMER_FIELDS } from './customer.dto.js';

export interface UpsertCustomerInput {
  name: string;
  /** Absent or null in the body: the customer has no phone number (PUT replaces the record). */
  phone: string | null;
  facts: Record<string, unknown>;
}

export const MAX_NAME = 200;

/** Checks the shape of a PUT body and reports every problem at once; the facts' content is the policy's job. */
export function parseUpsertCustomer(body: unknown, id: string): UpsertCustomerInput {
  if (!isPlainObject(body)) {
    throw DomainException.invalidRequest([{ path: '', message: 'the body must be a JSON object with name and facts' }]);
  }
  const errors: FieldError[] = [];
  for (const key of Object.keys(body)) {
    if (key !== 'name' && key !== 'phone' && key !== 'facts' && !READ_ONLY_CUSTOMER_FIELDS.includes(key)) {
      errors.push({ path: `/${key}`, message: `unknown field '${key}'; a customer has name, phone and facts` });
    }
  }
  if (body['id'] !== undefined && body['id'] !== id) {
    errors.push({ path: '/id', message: `the body's id ${JSON.stringify(body['id'])} differs from the URL's '${id}'` });
  }
  const name = typeof body['name'] === 'string' ? body['name'].trim() : undefined;
  if (name === undefined) errors.push({ path: '/name', message: 'name is required and must be text' });
  else if (name.length === 0 || name.length > MAX_NAME) {
    errors.push({ path: '/name', message: `name must be 1 to ${MAX_NAME} characters` });
  }
  const phone = body['phone'] ?? null;
  if (phone !== null && !isPhone(phone)) errors.push({ path: '/phone', message: PHONE_RULE });
  const facts = body['facts'];
  if (!isPlainObject(facts)) errors.push({ path: '/facts', message: 'facts is required and must be an object' });
  else if ('customerId' in facts) {
    errors.push({ path: '/facts/customerId', message: "the customer's id comes from the URL, not from its facts" });
  }
  if (errors.length > 0) throw DomainException.invalidRequest(errors);
  return { name: name!, phone: phone as string | null, facts: facts as Record<string, unknown> };
}
