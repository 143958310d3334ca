import { VALUE_FACT } from './dashboard-axes.js';
import type { DashboardCells } from './dashboard-cells.js';
import type { DashboardPolicyDto, DashboardTiersDto, TierSliceDto } from './dto/dashboard.dto.js';

/**
 * Customers and value per tier from the summary cells: the count pyramid beside the value
 * pyramid. Tiers in the policy's order (every tier of it, empty ones too), then any other tier
 * still held from an earlier policy, by name.
 */
export function tierPyramid(cells: DashboardCells, policy: DashboardPolicyDto | null, policyTiers: readonly string[]): DashboardTiersDto {
  const perTier = new Map<string, { customers: number; value: number }>(policyTiers.map((tier) => [tier, { customers: 0, value: 0 }]));
  let customers = 0;
  let graded = 0;
  let untiered = 0;
  let totalValue = 0;
  for (const cell of cells.facts) {
    customers += cell.customers;
    totalValue += cell.value;
  }
  for (const cell of cells.tiers) {
    graded += cell.customers;
    if (cell.tier === null) {
      untiered += cell.customers;
      continue;
    }
    const slice = perTier.get(cell.tier) ?? { customers: 0, value: 0 };
    slice.customers += cell.customers;
    slice.value += cell.value;
    perTier.set(cell.tier, slice);
  }
  const others = [...perTier.keys()].filter((tier) => !policyTiers.includes(tier)).sort();
  const order = [...policyTiers, ...others];
  const tieredCustomers = order.reduce((sum, tier) => sum + perTier.get(tier)!.customers, 0);
  const tieredValue = order.reduce((sum, tier) => sum + perTier.get(tier)!.value, 0);
  const tiers: TierSliceDto[] = order.map((tier) => {
    const slice = perTier.get(tier)!;
    return {
      tier,
      customers: slice.customers,
      customerShare: tieredCustomers === 0 ? 0 : slice.customers / tieredCustomers,
      value: roundCents(slice.value),
      valueShare: tieredValue === 0 ? 0 : slice.value / tieredValue,
    };
  });
  return {
    policy,
    valueFact: VALUE_FACT,
    customers,
    graded,
    ungraded: customers - graded,
    untiered,
    totalValue: roundCents(totalValue),
    tiers,
  };
}

// Sums of numeric come back as text; Number() of a long sum may carry float dust.
function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}
