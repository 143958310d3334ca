import { evaluate, type Decision } from '@tierwise/policy';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import type { PolicyInForce } from '../policies/policy-in-force.js';
import { policyNeedsPopulation } from '../policies/policy.exception.js';

/**
 * One customer's decision under `policy`, or a 422 listing every fact that does
 * not fit its catalogue. `factsPath` locates the facts in the request body.
 */
export function decide(
  policy: PolicyInForce,
  customerId: string | null,
  facts: Record<string, unknown>,
  factsPath = '/facts',
): Decision {
  if (policy.compiled.population.size > 0) throw policyNeedsPopulation(policy.policyId, policy.version);
  const record = customerId === null ? facts : { ...facts, customerId };
  const result = evaluate(policy.compiled, record);
  if (result.ok) return result.decision;
  const errors = result.errors.map((error) => ({ path: `${factsPath}${error.path}`, message: error.message }));
  const who = customerId === null ? 'the facts' : `customer '${customerId}'`;
  throw new DomainException(
    ErrorCode.InvalidFacts,
    `${who} cannot be graded by policy '${policy.policyId}' v${policy.version}: ${errors.length} fact(s) do not fit`,
    errors,
  );
}
