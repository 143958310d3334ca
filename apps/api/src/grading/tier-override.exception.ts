import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import type { FieldError } from '../common/field-error.js';

/** `message` is the policy package's own ("'Z' is not a tier of this policy; its tiers are A, B, C"). */
export function unknownOverrideTier(
  policy: { policyId: string; version: number },
  customerId: string | null,
  tier: string,
  message: string,
  path: string,
): DomainException {
  const who = customerId === null ? 'a customer' : `customer '${customerId}'`;
  return new DomainException(
    ErrorCode.UnknownTier,
    `${who} cannot be kept in tier '${tier}' by hand under policy '${policy.policyId}' v${policy.version}: ${message}`,
    [{ path, message }],
  );
}

/** A customer whose tier set by hand names a tier that a version about to be published lacks. */
export interface PinnedToMissingTier {
  customerId: string;
  tier: string;
}

/**
 * A publication refused because customers are pinned to tiers the new version
 * drops: publishing would have to either fail them or silently unpin them, so
 * the publisher decides first (clear those overrides, or keep the tier).
 */
export function pinnedTiersMissing(
  policy: { policyId: string; version: number },
  tiers: readonly string[],
  total: number,
  listed: readonly PinnedToMissingTier[],
): DomainException {
  const errors: FieldError[] = listed.map(({ customerId, tier }) => ({
    path: `/customers/${customerId}/tierOverride/tier`,
    message: `customer '${customerId}' is kept in tier '${tier}' by hand, which v${policy.version} does not have`,
  }));
  const shown = listed.length < total ? `; the first ${listed.length} are listed` : '';
  return new DomainException(
    ErrorCode.UnknownTier,
    `${total} customer(s) are kept by hand in a tier that policy '${policy.policyId}' v${policy.version} does not have ` +
      `(its tiers are ${tiers.join(', ')})${shown}; nothing was changed. ` +
      'Clear those tier overrides (DELETE /api/v1/customers/{id}/tier-override) or keep their tiers in the policy, then publish again',
    errors,
    { pinnedCustomers: total },
  );
}
