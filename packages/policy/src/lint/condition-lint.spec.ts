import { describe, expect, it } from 'vitest';
import type { Condition, PolicyDocument } from '../document.js';
import {
  all,
  any,
  criterionFactory,
  factCondition,
  factFactory,
  not,
  policyFactory,
  populationFactFactory,
  scoreAtLeast,
  tierFactory,
  treatmentRuleFactory,
} from '../testing/policy-factory.js';
import { lintPolicy } from './lint-policy.js';

// Conditions are checked the same way wherever they appear; these specs use a
// treatment rule's conditions unless the place itself matters.

const FIRST = '/treatments/0/conditions/all/0';

function policyWithFacts(): PolicyDocument {
  const document = policyFactory();
  document.facts['nature'] = factFactory({ type: 'string', enum: ['soe', 'private'], label: { en: 'Nature' } });
  document.facts['blacklisted'] = factFactory({ type: 'boolean', required: false, default: false });
  document.facts['founded'] = factFactory({ type: 'date', required: false, min: '1900-01-01' });
  document.facts['headcount'] = factFactory({ type: 'integer', required: false, default: 1 });
  document.facts['note'] = factFactory({ type: 'string', required: false });
  return document;
}

function lintTreatmentCondition(condition: Condition) {
  const document = policyWithFacts();
  document.treatments = [treatmentRuleFactory({ conditions: all(condition) })];
  return lintPolicy(document);
}

function error(code: string, path: string, message: string | RegExp) {
  return { severity: 'error', code, path, message: typeof message === 'string' ? message : expect.stringMatching(message) };
}

describe('condition lint: unknown-fact', () => {
  it('names an unknown fact in a tier condition and lists the facts in scope', () => {
    const document = policyFactory();
    document.grading.tiers[0] = tierFactory('A', all(factCondition('turnover', 'greaterThan', 5)));

    expect(lintPolicy(document)).toEqual([
      error('unknown-fact', '/grading/tiers/0/conditions/all/0/fact', "unknown fact 'turnover'; facts here: revenue, points, score"),
    ]);
  });

  it('suggests the fact that differs only in case', () => {
    expect(lintTreatmentCondition(factCondition('Revenue', 'greaterThan', 5))).toEqual([
      error('unknown-fact', `${FIRST}/fact`, "unknown fact 'Revenue'; did you mean 'revenue'?"),
    ]);
  });

  it('finds an unknown fact deep inside any and not', () => {
    const document = policyFactory();
    document.grading.tiers[0] = tierFactory('A', any(scoreAtLeast(5), not(factCondition('turnover', 'equal', 1))));

    expect(lintPolicy(document)).toEqual([error('unknown-fact', '/grading/tiers/0/conditions/any/1/not/fact', /unknown fact 'turnover'/)]);
  });

  it('names an unknown fact in a scorecard rule condition', () => {
    const document = policyFactory();
    document.grading.scorecard = [
      criterionFactory({
        points: { rules: [{ id: 'big', conditions: all(factCondition('turnover', 'greaterThan', 5)), points: 10 }] },
      }),
    ];

    expect(lintPolicy(document)).toEqual([
      error('unknown-fact', '/grading/scorecard/0/points/rules/0/conditions/all/0/fact', "unknown fact 'turnover'; facts here: revenue"),
    ]);
  });

  it('names an unknown fact in a value reference', () => {
    expect(lintTreatmentCondition(factCondition('revenue', 'greaterThan', { fact: 'target' }))).toEqual([
      error('unknown-fact', `${FIRST}/value/fact`, /^unknown fact 'target'/),
    ]);
  });

  it('does not let a scorecard rule depend on the score', () => {
    const document = policyFactory();
    document.grading.scorecard = [criterionFactory({ points: { rules: [{ id: 'high', conditions: scoreAtLeast(5), points: 10 }] } })];

    expect(lintPolicy(document)).toEqual([
      error(
        'unknown-fact',
        '/grading/scorecard/0/points/rules/0/conditions/all/0/fact',
        /^'score' cannot be used here: the score is known only after the scorecard/,
      ),
    ]);
  });

  it('does not let a tier depend on the tier', () => {
    const document = policyFactory();
    document.grading.tiers[0] = tierFactory('A', all(factCondition('tier', 'equal', 'B')));

    expect(lintPolicy(document)).toEqual([
      error(
        'unknown-fact',
        '/grading/tiers/0/conditions/all/0/fact',
        "'tier' cannot be used here: the tier is known only after grading: use it in treatment conditions",
      ),
    ]);
  });

  it('has no score to offer a policy without a scorecard', () => {
    const document = policyFactory();
    delete document.grading.scorecard;

    expect(lintPolicy(document)).toEqual([
      error('unknown-fact', '/grading/tiers/0/conditions/all/0/fact', /'score' cannot be used here.*policy with a scorecard/),
    ]);
  });

  it('lets a treatment use the score, the tier and a population fact', () => {
    const document = policyFactory({ population: { revenueRank: populationFactFactory() } });
    document.treatments = [
      treatmentRuleFactory({
        conditions: all(
          factCondition('tier', 'in', ['A', 'B']),
          factCondition('score', 'greaterThan', 2),
          factCondition('revenueRank', 'lessThanInclusive', 10),
        ),
      }),
    ];

    expect(lintPolicy(document)).toEqual([]);
  });
});

describe('condition lint: unknown-operator', () => {
  it('names the operator and lists the supported ones', () => {
    expect(lintTreatmentCondition(factCondition('revenue', 'atLeast', 5))).toEqual([
      error(
        'unknown-operator',
        `${FIRST}/operator`,
        "unknown operator 'atLeast'; use one of: equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in, notIn",
      ),
    ]);
  });
});

describe('condition lint: value-type', () => {
  it('rejects text compared with a number fact ("5" is not 5)', () => {
    expect(lintTreatmentCondition(factCondition('revenue', 'greaterThan', '5'))).toEqual([
      error('value-type', `${FIRST}/value`, `'revenue' is a number, but "5" is not`),
    ]);
  });

  it('rejects a value outside the enum and lists the known values', () => {
    expect(lintTreatmentCondition(factCondition('nature', 'equal', 'charity'))).toEqual([
      error('value-type', `${FIRST}/value`, "'charity' is not a known value of 'nature'; known: soe, private"),
    ]);
  });

  it.each(['in', 'notIn'])("needs a list for '%s'", (operator) => {
    expect(lintTreatmentCondition(factCondition('nature', operator, 'soe'))).toEqual([
      error('value-type', `${FIRST}/value`, `'${operator}' needs a list of values`),
    ]);
  });

  it('needs a single value for equal', () => {
    expect(lintTreatmentCondition(factCondition('nature', 'equal', ['soe']))).toEqual([
      error('value-type', `${FIRST}/value`, "'equal' needs a single value, not a list"),
    ]);
  });

  it('points at the one bad item in a list', () => {
    expect(lintTreatmentCondition(factCondition('nature', 'in', ['soe', 'charity']))).toEqual([
      error('value-type', `${FIRST}/value/1`, /'charity' is not a known value of 'nature'/),
    ]);
  });

  it('rejects a comparison operator on an enum fact', () => {
    expect(lintTreatmentCondition(factCondition('nature', 'greaterThan', 'soe'))).toEqual([
      error('value-type', `${FIRST}/operator`, "'greaterThan' compares numbers or dates, but 'nature' is one of soe, private"),
    ]);
  });

  it('rejects a comparison operator on a yes/no fact', () => {
    expect(lintTreatmentCondition(factCondition('blacklisted', 'lessThan', true))).toEqual([
      error('value-type', `${FIRST}/operator`, "'lessThan' compares numbers or dates, but 'blacklisted' is yes/no"),
    ]);
  });

  it('rejects a comparison operator on a free-text fact', () => {
    expect(lintTreatmentCondition(factCondition('note', 'greaterThanInclusive', 'a'))).toEqual([
      error('value-type', `${FIRST}/operator`, /'note' is text$/),
    ]);
  });

  it('asks for true or false on a yes/no fact', () => {
    expect(lintTreatmentCondition(factCondition('blacklisted', 'equal', 'yes'))).toEqual([
      error('value-type', `${FIRST}/value`, `'blacklisted' is yes/no: use true or false, not "yes"`),
    ]);
  });

  it.each(['2024/01/31', '31-01-2024', '2024-13-01', 20240131])('rejects %j as a date', (value) => {
    expect(lintTreatmentCondition(factCondition('founded', 'lessThan', value))).toEqual([
      error('value-type', `${FIRST}/value`, `'founded' is a date: use yyyy-mm-dd, not ${JSON.stringify(value)}`),
    ]);
  });

  it('accepts a date written yyyy-mm-dd', () => {
    expect(lintTreatmentCondition(factCondition('founded', 'lessThan', '2024-01-31'))).toEqual([]);
  });

  it('accepts a whole number for an integer fact and compares it with a number fact', () => {
    expect(lintTreatmentCondition(factCondition('headcount', 'greaterThan', { fact: 'revenue' }))).toEqual([]);
  });

  it('rejects comparing facts of different kinds', () => {
    expect(lintTreatmentCondition(factCondition('revenue', 'equal', { fact: 'nature' }))).toEqual([
      error('value-type', `${FIRST}/value`, "'revenue' is a number and cannot be compared with 'nature', which is one of soe, private"),
    ]);
  });

  // json-rules-engine runs these as a substring search in text, and throws on a number or a missing fact.
  it.each(['in', 'notIn'])("rejects '%s' against another fact, which holds one value, not a list", (operator) => {
    expect(lintTreatmentCondition(factCondition('note', operator, { fact: 'nature' }))).toEqual([
      error(
        'value-type',
        `${FIRST}/value`,
        `'${operator}' needs a list of values written out, but 'nature' holds a single value; compare the two facts with 'equal' or 'notEqual'`,
      ),
    ]);
  });

  it('rejects comparing with the points fact whole, which a reference cannot narrow to one criterion', () => {
    expect(lintTreatmentCondition(factCondition('score', 'greaterThan', { fact: 'points' }))).toEqual([
      error(
        'value-type',
        `${FIRST}/value`,
        "'points' holds the points of every criterion and cannot be compared whole; write the condition on 'points' with a path such as $.revenue instead",
      ),
    ]);
  });
});

describe('condition lint: unsupported-path', () => {
  it('rejects a path on a single-valued fact', () => {
    expect(lintTreatmentCondition(factCondition('revenue', 'greaterThan', 5, { path: '$.amount' }))).toEqual([
      error('unsupported-path', `${FIRST}/path`, "'revenue' is a single number value; a path applies only to structured facts"),
    ]);
  });

  it('asks for a criterion path on the points fact', () => {
    expect(lintTreatmentCondition(factCondition('points', 'greaterThan', 5))).toEqual([
      error('unsupported-path', `${FIRST}/path`, "'points' needs a path naming a criterion: one of $.revenue"),
    ]);
  });

  it('rejects a path naming no criterion', () => {
    expect(lintTreatmentCondition(factCondition('points', 'greaterThan', 5, { path: '$.growth' }))).toEqual([
      error('unsupported-path', `${FIRST}/path`, /one of \$\.revenue$/),
    ]);
  });

  it("accepts a criterion's points read by path", () => {
    expect(lintTreatmentCondition(factCondition('points', 'greaterThan', 5, { path: '$.revenue' }))).toEqual([]);
  });
});

describe('condition lint: unknown-tier', () => {
  it('names a tier the policy does not define', () => {
    const document = policyFactory({ treatments: [treatmentRuleFactory({ conditions: all(factCondition('tier', 'equal', 'D')) })] });

    expect(lintPolicy(document)).toEqual([
      error('unknown-tier', '/treatments/0/conditions/all/0/value', "'D' is not a known tier; known: A, B"),
    ]);
  });

  it('points at the unknown tier inside a list', () => {
    const document = policyFactory({ treatments: [treatmentRuleFactory({ conditions: all(factCondition('tier', 'in', ['A', 'D'])) })] });

    expect(lintPolicy(document)).toEqual([error('unknown-tier', '/treatments/0/conditions/all/0/value/1', /'D' is not a known tier/)]);
  });
});
