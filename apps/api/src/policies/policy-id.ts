import { DomainException } from '../common/domain.exception.js';

// The policy language's identifier shape; ids appear in URLs and audit targets.
const POLICY_ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export function assertPolicyId(value: string): string {
  if (POLICY_ID.test(value)) return value;
  throw DomainException.invalidRequest([
    { path: '/policyId', message: `policy id '${value.slice(0, 80)}' must be 1-64 letters, digits, '_' or '-', starting with a letter` },
  ]);
}

export function isPolicyId(value: unknown): value is string {
  return typeof value === 'string' && POLICY_ID.test(value);
}
