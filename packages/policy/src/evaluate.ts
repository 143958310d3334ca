import { assembleDecision, recordScore } from './assemble-decision.js';
import type { CompiledPolicy } from './compile/compiled-policy.js';
import type { Decision, BreakdownLine } from './decision.js';
import { TIER_FACT, type TreatmentRule } from './document.js';
import type { Population } from './population.js';
import { prepareScope } from './prepare-scope.js';
import { applyOverride, type TierOverride } from './tier-override.js';
import type { RecordError } from './validation/validate-record.js';

export type Evaluation = { ok: true; decision: Decision } | { ok: false; customerId: string | null; errors: RecordError[] };

export interface EvaluateOptions {
  /** The population to measure this customer against; a policy with population facts needs it or `populationFacts`. */
  population?: Population;
  /**
   * This customer's population facts, computed elsewhere (a grading run computes
   * them in SQL with window functions), used instead of `population`. Each fact
   * the policy declares must be here when the customer has the fact it measures.
   */
  populationFacts?: Readonly<Record<string, number>>;
  /** A tier set by hand: treatments follow it instead of the graded tier. */
  tierOverride?: TierOverride;
}

/**
 * The fast path: one customer's record in, its decision out, through the
 * policy's compiled functions. Synchronous and free of shared mutable state, so
 * any number of callers may use one CompiledPolicy at once.
 */
export function evaluate(policy: CompiledPolicy, record: unknown, options: EvaluateOptions = {}): Evaluation {
  const prepared = prepareScope(policy, record, options);
  if (!prepared.ok) return prepared;
  const { scope, customerId } = prepared;
  const check = options.tierOverride ? applyOverride(policy, options.tierOverride) : undefined;
  if (check && !check.ok) return { ok: false, customerId, errors: check.errors };
  const override = check?.applied;

  let breakdown: BreakdownLine[] | null = null;
  if (policy.scorecard) {
    breakdown = policy.scorecard.map((criterion) => {
      const { points, reason } = criterion.award(scope);
      return { criterion: criterion.id, points, max: criterion.max, reason };
    });
    recordScore(scope, breakdown);
  }
  const tier = policy.tiers.find((candidate) => candidate.matches(scope))?.tier;
  scope[TIER_FACT] = override ? override.tier.id : (tier?.id ?? null);

  const fired: TreatmentRule[] = [];
  for (const { rule, applies } of policy.treatmentRules) if (applies(scope)) fired.push(rule);
  return { ok: true, decision: assembleDecision(policy, customerId, scope, breakdown, tier, fired, override) };
}
