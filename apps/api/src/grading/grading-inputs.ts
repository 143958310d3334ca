import { evaluate, type CompiledPolicy, type Evaluation, type Standing, type TierOverride } from '@tierwise/policy';

/**
 * What a grading's evaluation was given besides the customer's facts and the
 * policy version. Stored with every decision change (decision_log) and tier
 * change (tier_history.inputs), so either can be evaluated again to the same result.
 */
export interface GradingInputs {
  /** ISO 8601 time of the grading, from the database's clock; also the stored gradedAt. */
  at: string;
  /** Where the customer stood after its previous grading; absent on a first grading. */
  standing?: Standing;
  /** The tier set by hand, as evaluation takes it. */
  tierOverride?: TierOverride;
  /** The customer's population facts, as a grading run computed them. */
  populationFacts?: Record<string, number>;
}

export function gradingInputs(
  at: string,
  standing: Standing | null | undefined,
  tierOverride: TierOverride | null | undefined,
  populationFacts: Record<string, number> | undefined,
): GradingInputs {
  const inputs: GradingInputs = { at };
  if (standing) inputs.standing = standing;
  if (tierOverride) inputs.tierOverride = { tier: tierOverride.tier, reason: tierOverride.reason };
  if (populationFacts) inputs.populationFacts = populationFacts;
  return inputs;
}

/**
 * The one evaluation every grading makes and every replay repeats: the facts with
 * the customer's id, under the version, with the inputs. `inputs` is null for
 * tier history written before inputs were kept (a first grading at an unknown time).
 */
export function evaluateGrading(
  policy: CompiledPolicy,
  customerId: string,
  facts: Record<string, unknown>,
  inputs: GradingInputs | null,
): Evaluation {
  if (inputs === null) return evaluate(policy, { ...facts, customerId });
  const { at, standing, tierOverride, populationFacts } = inputs;
  return evaluate(
    policy,
    { ...facts, customerId },
    {
      at,
      ...(standing ? { standing } : {}),
      ...(tierOverride ? { tierOverride } : {}),
      ...(populationFacts ? { populationFacts } : {}),
    },
  );
}

/** Whether two standings say the same (a stored one is jsonb: its keys come back in another order). */
export function sameStanding(a: Standing | null | undefined, b: Standing | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.tier === b.tier && a.since === b.since && a.below?.count === b.below?.count && a.below?.since === b.below?.since;
}
