import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, type PolicyDocument } from '../../src/index.js';
import { criterionFactory, factFactory, policyFactory, scoreAtLeast, tierFactory } from '../../src/testing/policy-factory.js';
import { decide } from './decide.js';

// Two criteria worth 0.1 and 0.2: in binary floating point they add up to
// 0.30000000000000004, which must still be the score 0.3 and meet "score >= 0.3"
// but not "score > 0.3".
function fractionalPolicy(): PolicyDocument {
  return policyFactory({
    facts: { a: factFactory({ min: 0, max: 1 }), b: factFactory({ min: 0, max: 1 }) },
    grading: {
      scorecard: [
        criterionFactory({ id: 'a', max: 1, points: { fact: 'a' } }),
        criterionFactory({ id: 'b', max: 1, points: { fact: 'b' } }),
      ],
      tiers: [
        tierFactory('over', { all: [{ fact: 'score', operator: 'greaterThan', value: 0.3 }] }),
        tierFactory('A', scoreAtLeast(0.3)),
        tierFactory('B'),
      ],
    },
    treatments: [],
  });
}

describe('the score', () => {
  it('is the sum of the points, rounded so 0.1 + 0.2 is exactly 0.3', async () => {
    const decision = await decide(fractionalPolicy(), { a: 0.1, b: 0.2 });
    expect(decision.score).toBe(0.3);
    expect(decision.tier).toBe('A');
    expect(decision.explanation[0]).toBe('score 0.3 >= 0.3: tier A (tier A)');
  });

  it('keeps the precision a real score has (rounding only removes float noise)', async () => {
    const decision = await decide(fractionalPolicy(), { a: 0.123456, b: 0.2 });
    expect(decision.score).toBe(0.323456);
    expect(decision.tier).toBe('over');
  });

  it('is null with no breakdown when the policy has no scorecard', () => {
    const policy = compilePolicy(
      policyFactory({
        grading: { tiers: [tierFactory('A', { all: [{ fact: 'revenue', operator: 'greaterThan', value: 5 }] }), tierFactory('B')] },
      }),
    );
    const result = evaluate(policy, { revenue: 1 });
    expect(result).toMatchObject({
      ok: true,
      decision: { score: null, breakdown: [], tier: 'B', explanation: ['no other tier applies: tier B (tier B)'] },
    });
  });
});
