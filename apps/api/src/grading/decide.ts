import { evaluate, type Decision, type TierOverride } from '@tierwise/policy';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import type { PolicyInForce } from '../policies/policy-in-force.js';
import { policyNeedsPopulation } from '../policies/policy.exception.js';
import { unknownOverrideTier } from './tier-override.exception.js';

export interface DecideOptions {
  /** Where the facts are in the request body. */
  factsPath?: string;
  /** A tier set by hand: the decision keeps it, whatever the score. */
  tierOverride?: TierOverride | null | undefined;
  /** Where the override's tier is in the request body. */
  overrideTierPath?: string;
}

/**
 * One customer's decision under `policy`, or a 422 listing every fact that does
 * not fit its catalogue (or naming the tier set by hand that the policy lacks).
 */
export function decide(
  policy: PolicyInForce,
  customerId: string | null,
  facts: Record<string, unknown>,
  options: DecideOptions = {},
): Decision {
  const { factsPath = '/facts', tierOverride, overrideTierPath = '/tierOverride/tier' } = options;
  if (policy.compiled.population.size > 0) throw policyNeedsPopulation(policy.policyId, policy.version);
  const record = customerId === null ? facts : { ...facts, customerId };
  const result = evaluate(policy.compiled, record, tierOverride ? { tierOverride } : {});
  if (result.ok) return result.decision;
  // The package checks the facts first, so an override error comes alone.
  const overrideError = result.errors.find((error) => error.path.startsWith('/tierOverride'));
  if (overrideError && tierOverride)
    throw unknownOverrideTier(policy, customerId, tierOverride.tier, overrideError.message, overrideTierPath);
  const errors = result.errors.map((error) => ({ path: `${factsPath}${error.path}`, message: error.message }));
  const who = customerId === null ? 'the facts' : `customer '${customerId}'`;
  throw new DomainException(
    ErrorCode.InvalidFacts,
    `${who} cannot be graded by policy '${policy.policyId}' v${policy.version}: ${errors.length} fact(s) do not fit`,
    errors,
  );
}
