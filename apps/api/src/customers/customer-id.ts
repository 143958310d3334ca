import { DomainException } from '../common/domain.exception.js';

// Ids come from the customer's own systems; keep them plain so they are safe in
// URLs, logs and audit targets.
const CUSTOMER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function isCustomerId(value: unknown): value is string {
  return typeof value === 'string' && CUSTOMER_ID.test(value);
}

export function assertCustomerId(value: string, path = '/id'): string {
  if (CUSTOMER_ID.test(value)) return value;
  throw DomainException.invalidRequest([
    {
      path,
      message: `customer id '${value.slice(0, 140)}' must be 1-128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit`,
    },
  ]);
}
