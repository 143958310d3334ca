import { evaluate, type Decision, type Evaluation, type Standing, type TierOverride } from '@tierwise/policy';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import type { PolicyInForce } from '../policies/policy-in-force.js';
import { policyNeedsPopulation } from '../policies/policy.exception.js';
import { evaluateGrading, type GradingInputs } from './grading-inputs.js';
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
  const { tierOverride } = options;
  if (policy.compiled.population.size > 0) throw policyNeedsPopulation(policy.policyId, policy.version);
  const record = customerId === null ? facts : { ...facts, customerId };
  return decided(policy, customerId, evaluate(policy.compiled, record, tierOverride ? { tierOverride } : {}), options).decision;
}

/** A decision to store, and where the customer stands after it (for its next grading). */
export interface Graded {
  decision: Decision;
  standing: Standing | null;
  inputs: GradingInputs;
}

/**
 * A stored customer's grading: decide() with the inputs a grading gives (its
 * time, the customer's standing, population facts), evaluated as a replay will.
 */
export function grade(
  policy: PolicyInForce,
  customerId: string,
  facts: Record<string, unknown>,
  inputs: GradingInputs,
  options: Omit<DecideOptions, 'tierOverride'> = {},
): Graded {
  if (policy.compiled.population.size > 0 && !inputs.populationFacts) throw policyNeedsPopulation(policy.policyId, policy.version);
  const result = evaluateGrading(policy.compiled, customerId, facts, inputs);
  const { decision, standing } = decided(policy, customerId, result, { ...options, tierOverride: inputs.tierOverride });
  return { decision, standing: standing ?? null, inputs };
}

function decided(
  policy: PolicyInForce,
  customerId: string | null,
  result: Evaluation,
  { factsPath = '/facts', tierOverride, overrideTierPath = '/tierOverride/tier' }: DecideOptions,
): { decision: Decision; standing?: Standing } {
  if (result.ok) return result;
  // The package checks the facts first, so an override error comes alone.
  const overrideError = result.errors.find((error) => error.path.startsWith('/tierOverride'));
  if (overrideError && tierOverride)
    throw unknownOverrideTier(policy, customerId, tierOverride.tier, overrideError.message, overrideTierPath);
  // The stored standing and the grading time come from the database, not the client: a problem there is ours.
  const timeError = result.errors.find((error) => error.path === '/at' || error.path.startsWith('/standing'));
  if (timeError) throw new Error(`customer '${customerId}' cannot be graded at this time: ${timeError.path}: ${timeError.message}`);
  const errors = result.errors.map((error) => ({ path: `${factsPath}${error.path}`, message: error.message }));
  const who = customerId === null ? 'the facts' : `customer '${customerId}'`;
  throw new DomainException(
    ErrorCode.InvalidFacts,
    `${who} cannot be graded by policy '${policy.policyId}' v${policy.version}: ${errors.length} fact(s) do not fit`,
    errors,
  );
}
