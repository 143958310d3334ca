// Valid customers for the seed policy (rules/default), built by intent rather than by cast.

export type Tier = 'A' | 'B' | 'C';

export interface CustomerInput {
  id: string;
  name: string;
  facts: Record<string, unknown>;
}

// Scorecard totals: A = 100 points, B = 64, C = 30 (A >= 75, B >= 60).
const FACTS_BY_TIER: Readonly<Record<Tier, Record<string, unknown>>> = {
  A: { nature: 'government', strength: 15, growth: 15, profitContribution: 15, relationship: 20, strategicImportance: 20 },
  B: { nature: 'joint-stock', strength: 10, growth: 10, profitContribution: 10, relationship: 12, strategicImportance: 12 },
  C: { nature: 'private', strength: 5, growth: 5, profitContribution: 5, relationship: 5, strategicImportance: 5 },
};

let sequence = 0;

export function customerFacts(tier: Tier = 'B', overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...FACTS_BY_TIER[tier], balance: 10_000, daysOverdue: 0, blacklisted: false, upgradePotential: false, ...overrides };
}

export function customerFactory(options: { tier?: Tier; id?: string; name?: string; facts?: Record<string, unknown> } = {}): CustomerInput {
  sequence += 1;
  return {
    id: options.id ?? `T-${process.pid}-${sequence}`,
    name: options.name ?? `Test Customer ${sequence}`,
    facts: customerFacts(options.tier ?? 'B', options.facts),
  };
}
