import { DomainException } from '../../../common/domain.exception.js';
import type { FieldError } from '../../../common/field-error.js';
import { isPlainObject } from '../../../common/request-shape.js';
import { isCustomerId } from '../../../customers/customer-id.js';
import { isPolicyId } from '../../../policies/policy-id.js';
import type { RunFilter } from '../grading-run.js';

export interface StartRunInput {
  policyId: string | undefined;
  filter: RunFilter | null;
}

const MAX_IDS = 10_000;

/** POST /grading-runs: `{ policyId?, filter?: { ids?: [...], tiers?: [...] } }`, every problem reported at once. */
export function parseStartRun(body: unknown): StartRunInput {
  const object = body ?? {};
  if (!isPlainObject(object))
    throw DomainException.invalidRequest([{ path: '', message: 'the body must be an object: {}, or {"policyId": ..., "filter": {...}}' }]);
  const errors: FieldError[] = [];
  for (const key of Object.keys(object)) {
    if (key !== 'policyId' && key !== 'filter')
      errors.push({ path: `/${key}`, message: `unknown field '${key}'; a run takes policyId and filter` });
  }
  const { policyId } = object;
  if (policyId !== undefined && !isPolicyId(policyId))
    errors.push({ path: '/policyId', message: 'policyId must be a policy id such as "default"' });
  const filter = parseFilter(object['filter'], errors);
  if (errors.length > 0) throw DomainException.invalidRequest(errors);
  return { policyId: policyId as string | undefined, filter };
}

function parseFilter(raw: unknown, errors: FieldError[]): RunFilter | null {
  if (raw === undefined || raw === null) return null;
  if (!isPlainObject(raw)) {
    errors.push({ path: '/filter', message: 'filter must be an object: {"ids": [...]} and/or {"tiers": [...]}' });
    return null;
  }
  const filter: RunFilter = {};
  for (const key of Object.keys(raw)) {
    if (key !== 'ids' && key !== 'tiers')
      errors.push({ path: `/filter/${key}`, message: `unknown filter '${key}'; a run filters by ids and tiers` });
  }
  const { ids, tiers } = raw;
  if (ids !== undefined) {
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_IDS || !ids.every(isCustomerId))
      errors.push({ path: '/filter/ids', message: `ids must be a list of 1 to ${MAX_IDS} customer ids` });
    else filter.ids = ids;
  }
  if (tiers !== undefined) {
    if (
      !Array.isArray(tiers) ||
      tiers.length === 0 ||
      !tiers.every((tier) => typeof tier === 'string' && tier.length > 0 && tier.length <= 64)
    )
      errors.push({ path: '/filter/tiers', message: 'tiers must be a list of tier ids ("none" for customers in no tier)' });
    else filter.tiers = tiers;
  }
  return filter;
}
