import { describe, expect, it } from 'vitest';
import type { PolicyDocument, Tier } from '../document.js';
import {
  all,
  any,
  criterionFactory,
  factCondition,
  factFactory,
  policyFactory,
  scoreAtLeast,
  tierFactory,
} from '../testing/policy-factory.js';
import { lintPolicy } from './lint-policy.js';

/** Scores run 0..100 (one criterion counting a 0..100 fact), like the seed scorecard. */
function policyWithTiers(tiers: Tier[]): PolicyDocument {
  const document = policyFactory({ facts: { revenue: factFactory({ min: 0, max: 100 }) }, treatments: [] });
  document.grading.scorecard = [criterionFactory({ max: 100 })];
  document.grading.tiers = tiers;
  return document;
}

function score(operator: string, value: number) {
  return factCondition('score', operator, value);
}

function unreachable(path: string, message: string) {
  return { severity: 'error', code: 'unreachable-tier', path, message };
}

const NO_CATCH_ALL = {
  severity: 'warning',
  code: 'no-catch-all-tier',
  path: '/grading/tiers',
  message: 'some customers may match no tier; add a last tier without conditions to catch them',
};

describe('tier lint: unreachable-tier', () => {
  it("accepts the seed's A from 75, B from 60, then catch-all C", () => {
    expect(lintPolicy(policyWithTiers([tierFactory('A', scoreAtLeast(75)), tierFactory('B', scoreAtLeast(60)), tierFactory('C')]))).toEqual(
      [],
    );
  });

  it('flags a tier after the catch-all', () => {
    const tiers = [tierFactory('A', scoreAtLeast(75)), tierFactory('B'), tierFactory('C', scoreAtLeast(60))];

    expect(lintPolicy(policyWithTiers(tiers))).toEqual([
      unreachable('/grading/tiers/2', "tier 'C' is never reached: tier 'B' before it has no conditions and takes every customer left"),
    ]);
  });

  it('flags a second catch-all', () => {
    expect(lintPolicy(policyWithTiers([tierFactory('A', scoreAtLeast(75)), tierFactory('B'), tierFactory('C')]))).toEqual([
      unreachable('/grading/tiers/2', "tier 'C' is never reached: tier 'B' before it has no conditions and takes every customer left"),
    ]);
  });

  it('flags a threshold above the highest possible score', () => {
    expect(lintPolicy(policyWithTiers([tierFactory('A', scoreAtLeast(101)), tierFactory('B')]))).toEqual([
      unreachable('/grading/tiers/0/conditions', "tier 'A' is never reached: it needs score >= 101, but the scorecard awards 0 to 100"),
    ]);
  });

  it('flags a threshold just past the maximum when the bound is exclusive', () => {
    expect(lintPolicy(policyWithTiers([tierFactory('A', all(score('greaterThan', 100))), tierFactory('B')]))).toEqual([
      unreachable('/grading/tiers/0/conditions', "tier 'A' is never reached: it needs score > 100, but the scorecard awards 0 to 100"),
    ]);
  });

  it('flags a tier fully shadowed by an earlier, lower threshold', () => {
    const tiers = [tierFactory('A', scoreAtLeast(60)), tierFactory('B', scoreAtLeast(75)), tierFactory('C')];

    expect(lintPolicy(policyWithTiers(tiers))).toEqual([
      unreachable('/grading/tiers/1/conditions', "tier 'B' is never reached: every score >= 75 is already taken by an earlier tier"),
    ]);
  });

  it('flags a tier shadowed only by several earlier tiers together', () => {
    const tiers = [
      tierFactory('A', scoreAtLeast(50)),
      tierFactory('B', all(score('lessThan', 50))),
      tierFactory('C', all(score('greaterThanInclusive', 40), score('lessThanInclusive', 60))),
    ];

    expect(lintPolicy(policyWithTiers(tiers))).toEqual([
      unreachable(
        '/grading/tiers/2/conditions',
        "tier 'C' is never reached: every score >= 40 and <= 60 is already taken by an earlier tier",
      ),
    ]);
  });

  it('keeps a tier reachable at the one score an exclusive bound leaves', () => {
    const tiers = [tierFactory('A', all(score('greaterThan', 60))), tierFactory('B', scoreAtLeast(60)), tierFactory('C')];

    expect(lintPolicy(policyWithTiers(tiers))).toEqual([]);
  });

  it('does not judge tiers whose conditions are not plain score thresholds', () => {
    const tiers = [
      tierFactory('A', all(factCondition('revenue', 'greaterThanInclusive', 60))),
      tierFactory('B', any(score('greaterThanInclusive', 75))),
      tierFactory('C', scoreAtLeast(75)),
      tierFactory('D'),
    ];

    expect(lintPolicy(policyWithTiers(tiers))).toEqual([]);
  });
});

describe('tier lint: no-catch-all-tier', () => {
  it('warns when the last tier has conditions and the thresholds leave scores uncovered', () => {
    expect(lintPolicy(policyWithTiers([tierFactory('A', scoreAtLeast(75)), tierFactory('B', scoreAtLeast(60))]))).toEqual([NO_CATCH_ALL]);
  });

  it('does not warn when score tiers cover the whole score range', () => {
    const tiers = [tierFactory('A', scoreAtLeast(75)), tierFactory('B', scoreAtLeast(60)), tierFactory('C', all(score('lessThan', 60)))];

    expect(lintPolicy(policyWithTiers(tiers))).toEqual([]);
  });

  it('counts only the scores the scorecard can award', () => {
    const tiers = [tierFactory('A', scoreAtLeast(50)), tierFactory('B', all(score('greaterThanInclusive', 0), score('lessThan', 50)))];

    expect(lintPolicy(policyWithTiers(tiers))).toEqual([]);
  });

  it('warns for fact-based tiers in a policy without a scorecard', () => {
    const document = policyFactory({ treatments: [] });
    delete document.grading.scorecard;
    document.grading.tiers = [tierFactory('A', all(factCondition('revenue', 'greaterThanInclusive', 5)))];

    expect(lintPolicy(document)).toEqual([NO_CATCH_ALL]);
  });
});
