import type { CompiledPolicy } from './compile/compiled-policy.js';
import { describeCondition, show } from './compile/describe-condition.js';
import type { Scope } from './compile/scope.js';
import type { BreakdownLine, Decision } from './decision.js';
import { POINTS_FACT, SCORE_FACT, type Tier, type TreatmentRule } from './document.js';
import { decidedTier, type TierOutcome } from './downgrade-protection.js';
import { resolveTreatments } from './resolve-treatments.js';
import { overrideExplanation } from './tier-override.js';

/** Puts the score and each criterion's points where tier and treatment conditions read them. */
export function recordScore(scope: Scope, breakdown: readonly BreakdownLine[]): void {
  // No prototype: a criterion id such as 'valueOf' reads only its own points.
  const points = Object.create(null) as Record<string, number>;
  for (const line of breakdown) points[line.criterion] = line.points;
  scope[POINTS_FACT] = points;
  scope[SCORE_FACT] = totalScore(breakdown);
}

/** Scores add up in binary floating point; round away the noise (0.1 + 0.2) so thresholds behave. */
export function totalScore(breakdown: readonly BreakdownLine[]): number {
  let total = 0;
  for (const line of breakdown) total += line.points;
  return Math.round(total * 1e9) / 1e9;
}

/**
 * Builds the decision both evaluators return from what they found: the score
 * breakdown, how the tier was decided, and the treatment rules that applied
 * (highest priority first). Keeping this in one place is what lets the
 * differential test compare whole decisions.
 */
export function assembleDecision(
  policy: CompiledPolicy,
  customerId: string | null,
  scope: Scope,
  breakdown: BreakdownLine[] | null,
  outcome: TierOutcome,
  fired: readonly TreatmentRule[],
): Decision {
  const score = breakdown ? (scope[SCORE_FACT] as number) : null;
  const { treatments, contributing } = resolveTreatments(fired);
  const { ruled, override, held } = outcome;
  let first: string;
  if (override) first = overrideExplanation(override, tierExplanation(policy, ruled, scope, score));
  else if (held) first = `${score === null ? 'the rules' : `score ${show(score)}`} would give ${ruled?.id ?? 'no tier'}; ${held.said}`;
  else first = tierExplanation(policy, ruled, scope, score);
  const explanation = [first];
  for (const rule of contributing) explanation.push(rule.explanation);
  const decision: Decision = {
    customerId,
    tier: decidedTier(outcome)?.id ?? null,
    score,
    breakdown: breakdown ?? [],
    treatments,
    explanation,
    policy: policy.ref,
  };
  if (held) decision.protection = held.record;
  return decision;
}

function tierExplanation(policy: CompiledPolicy, tier: Tier | undefined, scope: Scope, score: number | null): string {
  if (!tier) return score === null ? 'no tier applies' : `score ${show(score)}: no tier applies`;
  const named = `tier ${tier.id} (${tier.label.en})`;
  if (tier.conditions) {
    return `${describeCondition(tier.conditions, scope, (condition) => policy.holds(condition, scope))}: ${named}`;
  }
  return score === null ? `no other tier applies: ${named}` : `score ${show(score)} meets no other tier: ${named}`;
}
