import type { CompiledPolicy } from './compile/compiled-policy.js';
import { describeCondition, show } from './compile/describe-condition.js';
import type { Scope } from './compile/scope.js';
import type { BreakdownLine, Decision } from './decision.js';
import { POINTS_FACT, SCORE_FACT, type Tier, type TreatmentRule } from './document.js';
import { resolveTreatments } from './resolve-treatments.js';
import { overrideExplanation, type AppliedOverride } from './tier-override.js';

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
 * breakdown, the tier, and the treatment rules that applied (highest priority
 * first). Keeping this in one place is what lets the differential test compare
 * whole decisions.
 */
export function assembleDecision(
  policy: CompiledPolicy,
  customerId: string | null,
  scope: Scope,
  breakdown: BreakdownLine[] | null,
  tier: Tier | undefined,
  fired: readonly TreatmentRule[],
  override?: AppliedOverride,
): Decision {
  const score = breakdown ? (scope[SCORE_FACT] as number) : null;
  const { treatments, contributing } = resolveTreatments(fired);
  const ruled = tierExplanation(policy, tier, scope, score);
  const explanation = [override ? overrideExplanation(override, ruled) : ruled];
  for (const rule of contributing) explanation.push(rule.explanation);
  return {
    customerId,
    tier: override ? override.tier.id : (tier?.id ?? null),
    score,
    breakdown: breakdown ?? [],
    treatments,
    explanation,
    policy: policy.ref,
  };
}

function tierExplanation(policy: CompiledPolicy, tier: Tier | undefined, scope: Scope, score: number | null): string {
  if (!tier) return score === null ? 'no tier applies' : `score ${show(score)}: no tier applies`;
  const named = `tier ${tier.id} (${tier.label.en})`;
  if (tier.conditions) {
    return `${describeCondition(tier.conditions, scope, (condition) => policy.holds(condition, scope))}: ${named}`;
  }
  return score === null ? `no other tier applies: ${named}` : `score ${show(score)} meets no other tier: ${named}`;
}
