import type { CompiledPolicy } from './compile/compiled-policy.js';
import type { Tier } from './document.js';
import type { RecordError } from './validation/validate-record.js';

/**
 * A tier set by hand (an account executive keeps a strategic customer in A).
 * Treatments follow the overriding tier; the explanation names the override
 * and what the rules alone would have given, so an agent sees both.
 */
export interface TierOverride {
  tier: string;
  /** Why, in the words of whoever set it; shown to agents. */
  reason: string;
}

/** An override checked against the policy: the tier it names, and the override itself. */
export interface AppliedOverride {
  tier: Tier;
  by: TierOverride;
}

export type OverrideCheck = { ok: true; applied: AppliedOverride } | { ok: false; errors: RecordError[] };

export function applyOverride(policy: CompiledPolicy, override: TierOverride): OverrideCheck {
  const tier = policy.document.grading.tiers.find((candidate) => candidate.id === override.tier);
  if (tier) return { ok: true, applied: { tier, by: override } };
  const known = policy.document.grading.tiers.map((candidate) => candidate.id).join(', ');
  return {
    ok: false,
    errors: [{ path: '/tierOverride/tier', message: `'${override.tier}' is not a tier of this policy; its tiers are ${known}` }],
  };
}

/** The explanation's first line under an override; `ruled` is the line the rules alone give. */
export function overrideExplanation({ tier, by }: AppliedOverride, ruled: string): string {
  return `tier ${tier.id} (${tier.label.en}) set by hand: ${by.reason} (by the rules: ${ruled})`;
}
