import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, type PolicyDocument } from '../../src/index.js';
import {
  all,
  criterionFactory,
  factCondition,
  factFactory,
  policyFactory,
  scoreAtLeast,
  tierFactory,
  treatmentRuleFactory,
} from '../../src/testing/policy-factory.js';
import { decide } from './decide.js';

// Criterion 'tenure' by rules (first match wins), criterion 'revenue' straight from its fact.
function rulesPolicy(otherwise: number | undefined): PolicyDocument {
  return policyFactory({
    facts: { revenue: factFactory({ min: 0, max: 10 }), years: factFactory({ min: 0, max: 50 }) },
    grading: {
      scorecard: [
        criterionFactory({
          id: 'tenure',
          max: 10,
          points: {
            rules: [
              {
                id: 'veteran',
                conditions: all(factCondition('years', 'greaterThanInclusive', 10)),
                points: 10,
                reason: 'ten years or more',
              },
              { id: 'regular', conditions: all(factCondition('years', 'greaterThanInclusive', 3)), points: 6 },
              { id: 'also-veteran', conditions: all(factCondition('years', 'greaterThanInclusive', 20)), points: 1 },
            ],
            ...(otherwise === undefined ? {} : { otherwise }),
          },
        }),
        criterionFactory(),
      ],
      tiers: [tierFactory('A', all(factCondition('points', 'greaterThanInclusive', 6, { path: '$.tenure' }))), tierFactory('B')],
    },
    treatments: [],
  });
}

describe('scorecard criteria', () => {
  it('awards the first rule that holds, with its reason', async () => {
    const decision = await decide(rulesPolicy(2), { years: 25, revenue: 4 });
    expect(decision.breakdown).toEqual([
      { criterion: 'tenure', points: 10, max: 10, reason: 'ten years or more' },
      { criterion: 'revenue', points: 4, max: 10, reason: 'revenue is 4' },
    ]);
    expect(decision.score).toBe(14);
  });

  it('names a rule without a reason by its id', async () => {
    const decision = await decide(rulesPolicy(2), { years: 5, revenue: 0 });
    expect(decision.breakdown[0]).toEqual({ criterion: 'tenure', points: 6, max: 10, reason: "'regular' applies" });
  });

  it('awards otherwise when no rule holds, and 0 when there is no otherwise', async () => {
    expect((await decide(rulesPolicy(2), { years: 1, revenue: 3 })).breakdown[0]).toEqual({
      criterion: 'tenure',
      points: 2,
      max: 10,
      reason: 'no rule applies',
    });
    expect((await decide(rulesPolicy(undefined), { years: 1, revenue: 3 })).breakdown[0]).toEqual({
      criterion: 'tenure',
      points: 0,
      max: 10,
      reason: 'no rule applies',
    });
  });

  it("lets a tier read one criterion's points, and explains it by the path", async () => {
    const decision = await decide(rulesPolicy(2), { years: 5, revenue: 1 });
    expect(decision.tier).toBe('A');
    expect(decision.explanation[0]).toBe('points.tenure 6 >= 6: tier A (tier A)');
    expect((await decide(rulesPolicy(2), { years: 2, revenue: 10 })).tier).toBe('B');
  });
});

describe('tiers', () => {
  it('explains the catch-all with the score that met no other tier', async () => {
    const decision = await decide(policyFactory({ treatments: [] }), { revenue: 3 });
    expect(decision.explanation).toEqual(['score 3 meets no other tier: tier B (tier B)']);
  });

  it('says when no tier applies', async () => {
    const noCatchAll = policyFactory({
      grading: { scorecard: [criterionFactory()], tiers: [tierFactory('A', scoreAtLeast(5)), tierFactory('B', scoreAtLeast(2))] },
      treatments: [],
    });
    const decision = await decide(noCatchAll, { revenue: 1.5 });
    expect(decision.tier).toBeNull();
    expect(decision.explanation).toEqual(['score 1.5: no tier applies']);
    expect(decision.treatments).toEqual({});
  });

  it('takes the first tier whose conditions hold, in document order', async () => {
    const overlapping = policyFactory({
      grading: {
        scorecard: [criterionFactory()],
        tiers: [tierFactory('A', scoreAtLeast(5)), tierFactory('B', scoreAtLeast(2)), tierFactory('C')],
      },
      treatments: [],
    });
    expect((await decide(overlapping, { revenue: 7 })).tier).toBe('A');
    expect((await decide(overlapping, { revenue: 3 })).tier).toBe('B');
    expect((await decide(overlapping, { revenue: 1 })).tier).toBe('C');
  });
});

describe('treatments', () => {
  it('applies the highest priority first, document order breaking ties', async () => {
    const policy = policyFactory({
      treatments: [
        treatmentRuleFactory({ id: 'low', priority: 1, treatments: [{ type: 'queue', params: { priority: 9 } }], explanation: 'low' }),
        treatmentRuleFactory({ id: 'high', priority: 5, treatments: [{ type: 'queue', params: { priority: 1 } }], explanation: 'high' }),
        treatmentRuleFactory({ id: 'tie', priority: 5, treatments: [{ type: 'callback', params: { hours: 4 } }], explanation: 'tie' }),
      ],
    });
    const decision = await decide(policy, { revenue: 8 });
    expect(decision.treatments).toEqual({ queue: { priority: 1 }, callback: { hours: 4 } });
    expect(decision.explanation).toEqual(['score 8 >= 5: tier A (tier A)', 'high', 'tie']);
  });
});

describe('the compiled policy', () => {
  it('names the policy and its version, null when it has none', () => {
    expect(compilePolicy(policyFactory({ version: 3 })).ref).toMatchObject({ id: 'test-policy', version: 3 });
    expect(compilePolicy(policyFactory()).ref).toMatchObject({ id: 'test-policy', version: null });
  });

  it('keeps a frozen copy of the document with date condition values as epoch milliseconds', () => {
    const source = policyFactory({
      facts: { revenue: factFactory({ min: 0, max: 10 }), since: factFactory({ type: 'date', required: false }) },
      treatments: [treatmentRuleFactory({ conditions: all(factCondition('since', 'lessThan', '2020-01-02')) })],
    });
    const policy = compilePolicy(source);
    expect(policy.document.treatments?.[0]?.conditions).toEqual(all(factCondition('since', 'lessThan', Date.UTC(2020, 0, 2))));
    expect(source.treatments?.[0]?.conditions).toEqual(all(factCondition('since', 'lessThan', '2020-01-02')));
    expect(Object.isFrozen(policy.document.treatments?.[0]?.conditions)).toBe(true);
    expect(Object.isFrozen(policy.document.grading.tiers[0])).toBe(true);
  });

  it('evaluates a record without a scorecard or treatments', () => {
    const policy = compilePolicy(policyFactory({ grading: { tiers: [tierFactory('A')] }, treatments: undefined }));
    expect(evaluate(policy, { revenue: 1 })).toMatchObject({
      ok: true,
      decision: { tier: 'A', treatments: {}, explanation: ['no other tier applies: tier A (tier A)'] },
    });
  });
});
