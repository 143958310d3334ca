import { fileURLToPath } from 'node:url';
import { compilePolicy, evaluate, type CompiledPolicy, type TierOverride } from '@tierwise/policy';
import { loadPolicyDocument } from '@tierwise/policy/node';
import type { StoredDecision } from './stored-decision';

// Decisions made by the real policy package on the shipped policy, for specs: what the api stores and serves.
const SEED_POLICY = fileURLToPath(new URL('../../../../rules/default', import.meta.url));

export async function loadSeedPolicy(): Promise<CompiledPolicy> {
  return compilePolicy(await loadPolicyDocument(SEED_POLICY));
}

export const baseFacts = {
  nature: 'private',
  strength: 10,
  growth: 10,
  profitContribution: 10,
  relationship: 10,
  strategicImportance: 10,
  balance: 100_000,
  daysOverdue: 0,
  blacklisted: false,
  upgradePotential: true,
};

export function seedDecision(policy: CompiledPolicy, facts: Partial<typeof baseFacts>, tierOverride?: TierOverride): StoredDecision {
  const evaluation = evaluate(policy, { customerId: 'C-1', ...baseFacts, ...facts }, tierOverride ? { tierOverride } : {});
  if (!evaluation.ok) throw new Error(JSON.stringify(evaluation.errors));
  return { ...evaluation.decision, id: 'C-1', gradedAt: '2026-11-02T09:30:00.000Z', cause: 'fact-change' };
}
