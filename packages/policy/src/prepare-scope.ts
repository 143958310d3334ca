import type { CompiledPolicy } from './compile/compiled-policy.js';
import type { Scope } from './compile/scope.js';
import type { Population } from './population.js';
import { validateRecord, type RecordError } from './validation/validate-record.js';

export type PreparedScope =
  { ok: true; customerId: string | null; scope: Scope } | { ok: false; customerId: string | null; errors: RecordError[] };

/** Validates a customer record and gathers what its conditions may look at. */
export function prepareScope(policy: CompiledPolicy, record: unknown, population: Population | undefined): PreparedScope {
  const rawId = typeof record === 'object' && record !== null ? (record as Record<string, unknown>)['customerId'] : undefined;
  const customerId = typeof rawId === 'string' ? rawId : rawId === undefined || rawId === null ? null : JSON.stringify(rawId);
  const check = validateRecord(record, policy.catalogue);
  const errors = check.ok ? [] : check.errors;
  if (rawId !== undefined && (typeof rawId !== 'string' || rawId.length === 0)) {
    errors.unshift({ path: '/customerId', message: `customerId must be non-empty text, not ${JSON.stringify(rawId)}` });
  }
  if (!check.ok || errors.length > 0) return { ok: false, customerId, errors };
  const scope: Scope = check.facts;
  if (policy.population.size > 0) {
    if (!population) {
      throw new Error(`policy '${policy.ref.id}' ranks customers against each other: evaluate it with a Population`);
    }
    Object.assign(scope, population.factsFor(check.facts));
  }
  return { ok: true, customerId, scope };
}
