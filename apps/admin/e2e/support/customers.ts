import type { ApiClient } from './api-client';

/** Scores 78 on the shipped scorecard (15 + 13 + 12 + 12 + 13 + 13): tier A at threshold 75, B at 80. */
export const SCORING_78 = {
  nature: 'soe',
  strength: 13,
  growth: 12,
  profitContribution: 12,
  relationship: 13,
  strategicImportance: 13,
  balance: 250_000,
  daysOverdue: 0,
  blacklisted: false,
  upgradePotential: true,
};

export interface StoredDecision {
  customerId: string;
  tier: string;
  explanation: string[];
  policy: { id: string; version: number; hash: string };
}

export function putCustomer(admin: ApiClient, id: string, name: string, facts: Record<string, unknown>, phone?: string): Promise<unknown> {
  return admin.request('PUT', `/customers/${encodeURIComponent(id)}`, { name, facts, ...(phone ? { phone } : {}) });
}

export function decisionOf(client: ApiClient, id: string): Promise<StoredDecision> {
  return client.request<StoredDecision>('GET', `/decisions/${encodeURIComponent(id)}`);
}
