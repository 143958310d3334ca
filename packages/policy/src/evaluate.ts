import { assembleDecision, recordScore } from './assemble-decision.js';
import type { CompiledPolicy } from './compile/compiled-policy.js';
import type { Decision, BreakdownLine } from './decision.js';
import { TIER_FACT, type TreatmentRule } from './document.js';
import { decidedTier, decideTier, nextStanding, readGradingTime, type GradingTimeCheck, type Standing } from './downgrade-protection.js';
import type { Population } from './population.js';
import { prepareScope } from './prepare-scope.js';
import { applyOverride, type OverrideCheck, type TierOverride } from './tier-override.js';
import type { RecordError } from './validation/validate-record.js';

/** A decision, and (when `at` was given) where the customer stands after it, for the next grading. */
export type Evaluation =
  { ok: true; decision: Decision; standing?: Standing } | { ok: false; customerId: string | null; errors: RecordError[] };

export interface EvaluateOptions {
  /** The population to measure this customer against; a policy with population facts needs it or `populationFacts`. */
  population?: Population;
  /**
   * This customer's population facts, computed elsewhere (a grading run computes
   * them in SQL with window functions), used instead of `population`. Each fact
   * the policy declares must be here when the customer has the fact it measures.
   */
  populationFacts?: Readonly<Record<string, number>>;
  /** A tier set by hand: treatments follow it instead of the graded tier; downgrade protection does not hold it. */
  tierOverride?: TierOverride;
  /**
   * Where the customer stood after its previous grading (the `standing` that
   * grading returned). Without it this is a first grading: the rules' tier
   * applies at once.
   */
  standing?: Standing;
  /**
   * ISO 8601 date-time of this grading: what downgrade protection counts days
   * to, and what a new tier's `since` becomes. Evaluation never reads the clock.
   * Needed with a standing when the policy protects by days or minimum time in
   * tier; the result carries the next standing only when it is given.
   */
  at?: string;
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
  const time = readGradingTime(policy, options);
  if ((check && !check.ok) || !time.ok) return { ok: false, customerId, errors: gradingErrors(check, time) };
  const override = check?.applied;

  let breakdown: BreakdownLine[] | null = null;
  if (policy.scorecard) {
    breakdown = policy.scorecard.map((criterion) => {
      const { points, reason } = criterion.award(scope);
      return { criterion: criterion.id, points, max: criterion.max, reason };
    });
    recordScore(scope, breakdown);
  }
  const ruled = policy.tiers.find((candidate) => candidate.matches(scope))?.tier;
  const outcome = decideTier(policy, ruled, override, time.time);
  scope[TIER_FACT] = decidedTier(outcome)?.id ?? null;

  const fired: TreatmentRule[] = [];
  for (const { rule, applies } of policy.treatmentRules) if (applies(scope)) fired.push(rule);
  return evaluated(assembleDecision(policy, customerId, scope, breakdown, outcome, fired), nextStanding(policy, time.time, outcome));
}

/** The override's and the grading time's problems, in one list. */
export function gradingErrors(check: OverrideCheck | undefined, time: GradingTimeCheck): RecordError[] {
  return [...(check && !check.ok ? check.errors : []), ...(time.ok ? [] : time.errors)];
}

function evaluated(decision: Decision, standing: Standing | undefined): Evaluation {
  return standing ? { ok: true, decision, standing } : { ok: true, decision };
}
