import type { CompiledPolicy } from '@tierwise/policy';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeedPolicy, seedDecision } from './seed-decisions';
import { tierLabelFromExplanation } from './tier-label';

describe('tierLabelFromExplanation on decisions of the shipped policy', () => {
  let policy: CompiledPolicy;
  beforeAll(async () => {
    policy = await loadSeedPolicy();
  });

  it("reads the tier's label from the explanation's tier line", () => {
    expect(tierLabelFromExplanation(seedDecision(policy, {}))).toBe('small customer');
    const a = seedDecision(policy, { nature: 'government', strength: 15, growth: 15, profitContribution: 15, relationship: 20 });
    expect(tierLabelFromExplanation(a)).toBe('key customer');
  });

  it('reads it from the line of a tier set by hand, naming the overriding tier, not the ruled one', () => {
    const decision = seedDecision(policy, {}, { tier: 'A', reason: 'strategic (tier B) partner' });
    expect(decision.tier).toBe('A');
    expect(tierLabelFromExplanation(decision)).toBe('key customer');
  });

  it('gives nothing when no tier applies or no line names it', () => {
    expect(tierLabelFromExplanation({ tier: null, explanation: ['no tier applies'] })).toBeUndefined();
    expect(tierLabelFromExplanation({ tier: 'A', explanation: ['tier AB (other)'] })).toBeUndefined();
  });
});
