import { describe, expect, it } from 'vitest';
import {
  all,
  criterionFactory,
  factCondition,
  factFactory,
  policyFactory,
  populationFactFactory,
  scoreAtLeast,
  tierFactory,
  treatmentRuleFactory,
} from '../testing/policy-factory.js';
import { lintPolicy } from './lint-policy.js';

function duplicate(path: string, message: string) {
  return { severity: 'error', code: 'duplicate-id', path, message };
}

function pointsRule(id: string, points: number) {
  return { id, conditions: all(factCondition('revenue', 'greaterThan', points)), points };
}

describe('duplicate-id lint', () => {
  it('flags the second criterion with the same id', () => {
    const document = policyFactory();
    document.facts['growth'] = factFactory({ min: 0, max: 5 });
    document.grading.scorecard = [criterionFactory(), criterionFactory({ max: 5, points: { fact: 'growth' } })];

    expect(lintPolicy(document)).toEqual([
      duplicate('/grading/scorecard/1/id', "id 'revenue' is used twice in grading/scorecard (items 1 and 2)"),
    ]);
  });

  it('flags a repeated tier id', () => {
    const document = policyFactory();
    document.grading.tiers = [tierFactory('A', scoreAtLeast(8)), tierFactory('A', scoreAtLeast(5)), tierFactory('B')];

    expect(lintPolicy(document)).toEqual([duplicate('/grading/tiers/1/id', "id 'A' is used twice in grading/tiers (items 1 and 2)")]);
  });

  it('flags a repeated treatment rule id', () => {
    const document = policyFactory({ treatments: [treatmentRuleFactory(), treatmentRuleFactory({ priority: 20 })] });

    expect(lintPolicy(document)).toEqual([duplicate('/treatments/1/id', "id 'a-service' is used twice in treatments (items 1 and 2)")]);
  });

  it('flags a repeated scorecard rule id within a criterion', () => {
    const document = policyFactory();
    document.grading.scorecard = [criterionFactory({ points: { rules: [pointsRule('big', 10), pointsRule('big', 5)], otherwise: 0 } })];

    expect(lintPolicy(document)).toEqual([
      duplicate('/grading/scorecard/0/points/rules/1/id', "id 'big' is used twice in grading/scorecard/0/points/rules (items 1 and 2)"),
    ]);
  });

  it('allows the same rule id in two different criteria', () => {
    const document = policyFactory();
    document.grading.scorecard = [
      criterionFactory({ id: 'size', max: 5, points: { rules: [pointsRule('big', 5)] } }),
      criterionFactory({ id: 'reach', max: 5, points: { rules: [pointsRule('big', 5)] } }),
    ];

    expect(lintPolicy(document)).toEqual([]);
  });

  it('reports every repeat against the first use', () => {
    const document = policyFactory({
      treatments: [treatmentRuleFactory(), treatmentRuleFactory(), treatmentRuleFactory()],
    });

    expect(lintPolicy(document)).toEqual([
      duplicate('/treatments/1/id', "id 'a-service' is used twice in treatments (items 1 and 2)"),
      duplicate('/treatments/2/id', "id 'a-service' is used twice in treatments (items 1 and 3)"),
    ]);
  });

  it('flags a population fact named like a customer fact', () => {
    const document = policyFactory({ population: { profit: populationFactFactory() } });
    document.facts['profit'] = factFactory();

    expect(lintPolicy(document)).toEqual([duplicate('/population/profit', "'profit' is both a customer fact and a population fact")]);
  });

  it('does not mistake a built-in object key for a customer fact', () => {
    const document = policyFactory({ population: { toString: populationFactFactory() } });

    expect(lintPolicy(document)).toEqual([]);
  });
});
