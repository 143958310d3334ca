import { describe, expect, it } from 'vitest';
import { compilePolicy, lintPolicy, PolicyLintError, type Criterion, type PolicyDocument } from '../../src/index.js';
import {
  all,
  criterionFactory,
  factCondition,
  factFactory,
  policyFactory,
  scoreAtLeast,
  tierFactory,
} from '../../src/testing/policy-factory.js';
import { decide } from './decide.js';

const tenure: Criterion = criterionFactory({
  id: 'tenure',
  max: 10,
  points: {
    rules: [
      { id: 'veteran', conditions: all(factCondition('years', 'greaterThanInclusive', 10)), points: 7 },
      { id: 'regular', conditions: all(factCondition('years', 'greaterThanInclusive', 3)), points: 2 },
    ],
    otherwise: -1,
  },
});

const size: Criterion = criterionFactory({
  id: 'size',
  max: 15,
  points: {
    fact: 'staff',
    bands: [
      { below: 10, points: 3 },
      { atLeast: 10, below: 50, points: 12 },
      { atLeast: 50, points: 15 },
    ],
  },
});

const revenue: Criterion = criterionFactory({ id: 'revenue', max: 10, points: { fact: 'revenue' } });

function scoredPolicy(scorecard: Criterion[], threshold: number): PolicyDocument {
  return policyFactory({
    facts: {
      years: factFactory({ min: 0, max: 50 }),
      staff: factFactory({ min: 0, max: 1000 }),
      revenue: factFactory({ min: 1, max: 10 }),
    },
    grading: { scorecard, tiers: [tierFactory('A', scoreAtLeast(threshold)), tierFactory('B')] },
    treatments: [],
  });
}

function unreachable(document: PolicyDocument): string | undefined {
  return lintPolicy(document).find((finding) => finding.code === 'unreachable-tier')?.message;
}

describe('the score range lint works out from the scorecard', () => {
  it('adds each criterion: rules from their lowest to highest points or otherwise, bands likewise, a fact from its min to its max', () => {
    expect(unreachable(scoredPolicy([tenure, size, revenue], 100))).toBe(
      "tier 'A' is never reached: it needs score >= 100, but the scorecard awards 3 to 32",
    );
  });

  it('counts a rules criterion without otherwise as 0 when no rule holds', () => {
    const { otherwise: _, ...rules } = tenure.points as { rules: unknown[]; otherwise: number };
    expect(unreachable(scoredPolicy([{ ...tenure, points: rules } as Criterion], 8))).toBe(
      "tier 'A' is never reached: it needs score >= 8, but the scorecard awards 0 to 7",
    );
  });

  it('reaches a tier the range allows', () => {
    expect(unreachable(scoredPolicy([tenure, size, revenue], 32))).toBeUndefined();
  });
});

describe('compilePolicy', () => {
  it('refuses a policy with lint errors, with every finding', () => {
    const broken = scoredPolicy([tenure, size, revenue], 100);
    const refusal = (() => {
      try {
        compilePolicy(broken);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(PolicyLintError);
    expect((refusal as PolicyLintError).findings).toEqual(lintPolicy(broken));
  });

  it('says how many errors the policy has and the first of them, warnings left out', () => {
    const unbounded = { ...revenue, id: 'income', points: { fact: 'income' } };
    const document = scoredPolicy([tenure, unbounded], 100);
    document.facts['income'] = factFactory({ max: 5 });
    const findings = lintPolicy(document);
    expect(findings.map((finding) => finding.severity)).toEqual(['warning', 'error']);
    expect(() => compilePolicy(document)).toThrow(
      "the policy has 1 problem(s); first: /grading/tiers/0/conditions: tier 'A' is never reached: it needs score >= 100, but the scorecard awards -Infinity to 12",
    );
    expect(() => compilePolicy(5)).toThrow('the policy has 1 problem(s); first: /: must be an object');
  });

  it('scores value bands by membership, true/false shown as written', async () => {
    const policy = policyFactory({
      facts: { exporter: factFactory({ type: 'boolean' }) },
      grading: {
        scorecard: [
          criterionFactory({
            id: 'exports',
            max: 5,
            points: {
              fact: 'exporter',
              bands: [
                { values: [true], points: 5 },
                { values: [false], points: 1 },
              ],
            },
          }),
        ],
        tiers: [tierFactory('A')],
      },
      treatments: [],
    });
    expect((await decide(policy, { exporter: true })).breakdown).toEqual([
      { criterion: 'exports', points: 5, max: 5, reason: 'exporter is true' },
    ]);
    expect((await decide(policy, { exporter: false })).breakdown).toEqual([
      { criterion: 'exports', points: 1, max: 5, reason: 'exporter is false' },
    ]);
  });

  it('compares dates in a criterion rule as instants, and a date with another date fact as it is', async () => {
    const policy = policyFactory({
      facts: { since: factFactory({ type: 'date' }), renewed: factFactory({ type: 'date' }) },
      grading: {
        scorecard: [
          criterionFactory({
            id: 'loyalty',
            max: 5,
            points: {
              rules: [
                { id: 'old', conditions: all(factCondition('since', 'lessThan', '2020-01-01')), points: 5 },
                { id: 'renewed', conditions: all(factCondition('renewed', 'greaterThan', { fact: 'since' })), points: 3 },
              ],
            },
          }),
        ],
        tiers: [tierFactory('A')],
      },
      treatments: [],
    });
    const score = async (since: string, renewed: string) => (await decide(policy, { since, renewed })).score;
    expect(await score('2019-12-31', '2019-12-31')).toBe(5);
    expect(await score('2020-01-01', '2021-06-01')).toBe(3);
    expect(await score('2020-01-01', '2020-01-01')).toBe(0);
  });
});
