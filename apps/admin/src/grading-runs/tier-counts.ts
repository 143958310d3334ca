import type { GradingRun } from './grading-run';
import { orderTiers } from './tier-order';

export interface TierCountRow {
  tier: string;
  before: number;
  after: number;
  /** after - before */
  delta: number;
}

/** Customers per tier before and after a run, one row per tier seen on either side. */
export function tierCountRows(tiers: GradingRun['tiers'], policyOrder: readonly string[] = []): TierCountRow[] {
  return orderTiers([...Object.keys(tiers.before), ...Object.keys(tiers.after)], policyOrder).map((tier) => {
    const before = tiers.before[tier] ?? 0;
    const after = tiers.after[tier] ?? 0;
    return { tier, before, after, delta: after - before };
  });
}

/** A signed count for a delta column: "+3", "−2" (a true minus sign), "0". */
export function signed(value: number, format: (absolute: number) => string = String): string {
  if (value > 0) return `+${format(value)}`;
  if (value < 0) return `−${format(-value)}`;
  return format(0);
}
