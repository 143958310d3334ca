import { DomainException } from '../../common/domain.exception.js';
import type { FieldError } from '../../common/field-error.js';
import { isPlainObject } from '../../common/request-shape.js';

export interface TierOverrideInput {
  tier: string;
  /** Shown to call-centre agents in the decision's explanation, so it is required. */
  reason: string;
}

export const MAX_REASON = 500;
// Tier ids are short codes ("A", "vip"); a longer value is a mistake, not a tier.
const MAX_TIER = 64;

/** The body's shape only; whether the policy has the tier is the policy's answer (422). */
export function parseTierOverride(body: unknown): TierOverrideInput {
  if (!isPlainObject(body)) {
    throw DomainException.invalidRequest([{ path: '', message: 'the body must be a JSON object with tier and reason' }]);
  }
  const errors: FieldError[] = [];
  for (const key of Object.keys(body)) {
    if (key !== 'tier' && key !== 'reason')
      errors.push({ path: `/${key}`, message: `unknown field '${key}'; a tier override has tier and reason` });
  }
  const tier = typeof body['tier'] === 'string' ? body['tier'].trim() : undefined;
  if (tier === undefined) errors.push({ path: '/tier', message: 'tier is required and must be text, a tier id of the policy in force' });
  else if (tier.length === 0 || tier.length > MAX_TIER) errors.push({ path: '/tier', message: `tier must be 1 to ${MAX_TIER} characters` });
  const reason = typeof body['reason'] === 'string' ? body['reason'].trim() : undefined;
  if (reason === undefined)
    errors.push({ path: '/reason', message: 'reason is required and must be text: say why this tier is set by hand' });
  else if (reason.length === 0 || reason.length > MAX_REASON)
    errors.push({ path: '/reason', message: `reason must be 1 to ${MAX_REASON} characters` });
  if (errors.length > 0) throw DomainException.invalidRequest(errors);
  return { tier: tier!, reason: reason! };
}
