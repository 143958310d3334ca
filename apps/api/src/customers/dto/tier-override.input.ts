import { DomainException } from '../../common/domain.exception.js';
import type { FieldError } from '../../common/field-error.js';
import { isPlainObject } from '../../common/request-shape.js';

export interface TierOverrideInput {
  tier: string;
  /** Shown to call-centre agents in the decision's explanation, so it is required. */
  reason: string;
  /** When the override lapses (ISO 8601, UTC, to the millisecond); absent: until cleared by hand. */
  expiresAt?: string;
}

export const MAX_REASON = 500;
// Tier ids are short codes ("A", "vip"); a longer value is a mistake, not a tier.
const MAX_TIER = 64;
const FIELDS = ['tier', 'reason', 'expiresAt'];

// An RFC 3339 date-time with an explicit offset, so "when" is never the server's local guess (as API keys' expiresAt).
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** The body's shape only; whether the policy has the tier is the policy's answer (422). */
export function parseTierOverride(body: unknown, nowMs: number = Date.now()): TierOverrideInput {
  if (!isPlainObject(body)) {
    throw DomainException.invalidRequest([{ path: '', message: 'the body must be a JSON object with tier and reason' }]);
  }
  const errors: FieldError[] = [];
  for (const key of Object.keys(body)) {
    if (!FIELDS.includes(key))
      errors.push({ path: `/${key}`, message: `unknown field '${key}'; a tier override has tier, reason and optionally expiresAt` });
  }
  const tier = typeof body['tier'] === 'string' ? body['tier'].trim() : undefined;
  if (tier === undefined) errors.push({ path: '/tier', message: 'tier is required and must be text, a tier id of the policy in force' });
  else if (tier.length === 0 || tier.length > MAX_TIER) errors.push({ path: '/tier', message: `tier must be 1 to ${MAX_TIER} characters` });
  const reason = typeof body['reason'] === 'string' ? body['reason'].trim() : undefined;
  if (reason === undefined)
    errors.push({ path: '/reason', message: 'reason is required and must be text: say why this tier is set by hand' });
  else if (reason.length === 0 || reason.length > MAX_REASON)
    errors.push({ path: '/reason', message: `reason must be 1 to ${MAX_REASON} characters` });
  const expiresAt = parseExpiry(body['expiresAt'], nowMs, errors);
  if (errors.length > 0) throw DomainException.invalidRequest(errors);
  return { tier: tier!, reason: reason!, ...(expiresAt === undefined ? {} : { expiresAt }) };
}

function parseExpiry(raw: unknown, nowMs: number, errors: FieldError[]): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const at = typeof raw === 'string' && DATE_TIME.test(raw) ? new Date(raw) : undefined;
  if (at === undefined || Number.isNaN(at.getTime())) {
    errors.push({
      path: '/expiresAt',
      message: "expiresAt must be a date and time with its offset, e.g. '2027-06-30T23:59:59Z', or left out for an override until cleared",
    });
    return undefined;
  }
  if (at.getTime() <= nowMs) {
    errors.push({
      path: '/expiresAt',
      message: `expiresAt ${at.toISOString()} is not in the future; an override must hold for some time after it is set`,
    });
    return undefined;
  }
  return at.toISOString();
}
