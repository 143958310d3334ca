import { NO_TIER } from './grading-run';

/**
 * Tiers in the order people read them: the policy's own order where known (A before B before C),
 * any other tier after them alphabetically, and "no tier" last.
 */
export function orderTiers(tiers: Iterable<string>, policyOrder: readonly string[] = []): string[] {
  const rank = (tier: string) => {
    if (tier === NO_TIER) return Number.MAX_SAFE_INTEGER;
    const index = policyOrder.indexOf(tier);
    return index === -1 ? policyOrder.length : index;
  };
  return [...new Set(tiers)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
