import { describe, expect, it } from 'vitest';
import { structuralDiff } from '../../src/diff/structural-diff.js';
import { diffPolicies, type PolicyDocument, type TreatmentRule } from '../../src/index.js';
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
} from '../../src/testing/policy-factory.js';

// The policy every case edits in one place.
function base(): PolicyDocument {
  return policyFactory({
    facts: {
      revenue: factFactory({ label: { en: 'Revenue' }, min: 0, max: 10 }),
      region: factFactory({ type: 'string', label: { en: 'Region' }, enum: ['north', 'south'] }),
    },
    population: { rank: populationFactFactory({ of: 'revenue' }) },
    grading: {
      scorecard: [criterionFactory()],
      tiers: [tierFactory('A', scoreAtLeast(5)), tierFactory('B')],
    },
    treatments: [
      treatmentRuleFactory(),
      treatmentRuleFactory({
        id: 'north-fee',
        label: { en: 'North fee' },
        priority: 5,
        conditions: all(factCondition('region', 'equal', 'north'), factCondition('revenue', 'lessThan', 3)),
        treatments: [{ type: 'fee', params: { amount: 10, waived: false } }],
        explanation: 'north: fee',
      }),
    ],
  });
}

function summary(change: (document: PolicyDocument) => void): string[] {
  const after = base();
  change(after);
  return diffPolicies(base(), after).summary;
}

const northFee = (document: PolicyDocument): TreatmentRule => document.treatments![1]!;

describe('the summary of a policy change', () => {
  it('says nothing for an unchanged policy', () => {
    expect(diffPolicies(base(), base())).toEqual({ changes: [], summary: [] });
  });

  it('names a renamed policy', () => {
    expect(summary((d) => (d.name = { en: 'Tiers 2027' }))).toEqual(["policy renamed 'Test policy' -> 'Tiers 2027'"]);
  });

  it('reports new, changed and removed facts, with what changed', () => {
    expect(
      summary((d) => {
        d.facts['staff'] = factFactory({ label: { en: 'Staff' }, required: false });
        d.facts['revenue'] = factFactory({ label: { en: 'Revenue' }, min: 1, required: false, default: 2 });
        delete d.facts['region'];
      }),
    ).toEqual([
      "fact 'revenue' min 0 -> 1",
      "fact 'revenue' max 10 -> none",
      "fact 'revenue' default none -> 2",
      "fact 'revenue' required true -> false",
      "new fact 'staff' (Staff, number)",
      "fact 'region' removed",
    ]);
  });

  it('reports values a fact no longer allows, and a new required fact as required', () => {
    expect(
      summary((d) => {
        d.facts['region']!.enum = ['north', 'east'];
        d.facts['kind'] = factFactory({ type: 'string', label: { en: 'Kind' } });
      }),
    ).toEqual(["fact 'region' now allows east", "fact 'region' no longer allows south", "new fact 'kind' (Kind, string, required)"]);
  });

  it('reports allowed values given to a fact that had none, and taken from one', () => {
    expect(summary((d) => (d.facts['revenue'] = factFactory({ label: { en: 'Revenue' }, min: 0, max: 10, enum: ['x'] })))).toEqual([
      "fact 'revenue' now allows x",
    ]);
    expect(summary((d) => delete d.facts['region']!.enum)).toEqual(["fact 'region' no longer allows north, south"]);
  });

  it('reports new, changed and removed population facts', () => {
    expect(
      summary((d) => {
        d.population = { rank: populationFactFactory({ of: 'revenue', order: 'ascending' }), top: populationFactFactory() };
      }),
    ).toEqual(["population fact 'rank' changed", "new population fact 'top'"]);
    expect(summary((d) => delete d.population)).toEqual(["population fact 'rank' removed"]);
  });

  it('reports a new and a removed criterion by label, and a whole new scorecard', () => {
    expect(
      summary((d) => {
        d.grading.scorecard = [criterionFactory({ id: 'size', label: { en: 'Size' }, max: 5 })];
      }),
    ).toEqual(["new criterion 'Size' (up to 5 points)", "criterion 'Revenue' removed"]);
    const unscored = base();
    delete unscored.grading.scorecard;
    expect(diffPolicies(unscored, base()).summary).toEqual(["new criterion 'Revenue' (up to 10 points)"]);
    expect(diffPolicies(base(), unscored).summary).toEqual(["criterion 'Revenue' removed"]);
  });

  it('says how points are awarded changed when value bands gain a value, not which value changed', () => {
    const banded = (bands: { values: string[]; points: number }[]) => (d: PolicyDocument) => {
      d.grading.scorecard = [criterionFactory({ id: 'region', max: 10, points: { fact: 'region', bands } })];
    };
    const before = base();
    banded([
      { values: ['north'], points: 10 },
      { values: ['south'], points: 5 },
    ])(before);
    const after = base();
    banded([
      { values: ['north'], points: 8 },
      { values: ['south', 'east'], points: 5 },
    ])(after);
    expect(diffPolicies(before, after).summary).toEqual(["criterion 'region': how points are awarded changed"]);
    const regraded = base();
    banded([
      { values: ['north'], points: 8 },
      { values: ['south'], points: 5 },
    ])(regraded);
    expect(diffPolicies(before, regraded).summary).toEqual(["criterion 'region': north 10 -> 8 points"]);
  });

  it('reports a removed and a renamed tier, and a tier condition that is not a score threshold', () => {
    expect(
      summary((d) => {
        d.grading.tiers = [{ ...tierFactory('A', all(factCondition('region', 'equal', 'north'))), label: { en: 'Gold' } }];
      }),
    ).toEqual(["tier A renamed 'tier A' -> 'Gold'", 'tier A: conditions changed', 'tier B (tier B) removed']);
  });

  it('reads a threshold only from a single score condition, with the same operator', () => {
    expect(summary((d) => (d.grading.tiers[0]!.conditions = all(factCondition('score', 'greaterThan', 5))))).toEqual([
      'tier A: conditions changed',
    ]);
    expect(summary((d) => (d.grading.tiers[0]!.conditions = all(factCondition('score', 'greaterThanInclusive', 7))))).toEqual([
      'tier A threshold 5 -> 7',
    ]);
    expect(summary((d) => (d.grading.tiers[0]!.label = { en: 'tier A' }))).toEqual([]);
  });

  it('notices a change of order among the tiers both versions have', () => {
    expect(
      summary((d) => {
        d.grading.tiers = [tierFactory('C', scoreAtLeast(9)), ...d.grading.tiers];
      }),
    ).toEqual(['new tier C (tier C)']);
    expect(
      summary((d) => {
        d.grading.tiers = [tierFactory('B'), tierFactory('A', scoreAtLeast(5))];
      }),
    ).toEqual(['tier order A, B -> B, A']);
  });

  it('reports treatments a rule now gives and no longer gives, its suppressions and its explanation', () => {
    expect(
      summary((d) => {
        northFee(d).treatments = [{ type: 'letter', params: {} }];
        northFee(d).suppress = ['queue'];
        northFee(d).explanation = 'north: letter';
      }),
    ).toEqual([
      "treatment rule 'North fee' now gives letter",
      "treatment rule 'North fee' no longer gives fee",
      "treatment rule 'North fee' suppresses queue (was nothing)",
      'treatment rule \'North fee\': agent explanation now "north: letter"',
    ]);
    const suppressing = base();
    northFee(suppressing).suppress = ['queue', 'letter'];
    expect(diffPolicies(suppressing, base()).summary).toEqual(["treatment rule 'North fee' suppresses nothing (was queue, letter)"]);
  });

  it('shows changed treatment parameters as written: none, true/false, lists and objects', () => {
    expect(
      summary((d) => {
        northFee(d).treatments[0]!.params = { amount: 12, waived: true, months: [1, 2], terms: { net: 30 } };
      }),
    ).toEqual([
      "treatment rule 'North fee': fee amount 10 -> 12",
      "treatment rule 'North fee': fee waived false -> true",
      "treatment rule 'North fee': fee months none -> 1, 2",
      'treatment rule \'North fee\': fee terms none -> {"net":30}',
    ]);
  });

  it('says which condition value changed when the shape stayed, and only that a condition changed otherwise', () => {
    expect(
      summary((d) => (northFee(d).conditions = all(factCondition('region', 'equal', 'south'), factCondition('revenue', 'lessThan', 3)))),
    ).toEqual(["treatment rule 'North fee': region equal north -> south"]);
    expect(summary((d) => (northFee(d).conditions = all(factCondition('region', 'equal', 'north'))))).toEqual([
      "treatment rule 'North fee': conditions changed",
    ]);
    expect(
      summary((d) => (northFee(d).conditions = all(factCondition('region', 'notEqual', 'north'), factCondition('revenue', 'lessThan', 3)))),
    ).toEqual(["treatment rule 'North fee': conditions changed"]);
    expect(
      summary((d) => (northFee(d).conditions = all(factCondition('revenue', 'lessThan', 3), factCondition('region', 'equal', 'north')))),
    ).toEqual(["treatment rule 'North fee': conditions changed"]);
    expect(
      summary((d) => (northFee(d).conditions = any(factCondition('region', 'equal', 'north'), factCondition('revenue', 'lessThan', 3)))),
    ).toEqual(["treatment rule 'North fee': conditions changed"]);
  });

  it('finds the changed value inside any and not, and compares paths', () => {
    const nested = (region: string, points: number) =>
      any(not(factCondition('region', 'equal', region)), factCondition('points', 'greaterThan', points, { path: '$.revenue' }));
    const before = base();
    northFee(before).conditions = all(nested('north', 3));
    const after = base();
    northFee(after).conditions = all(nested('south', 4));
    expect(diffPolicies(before, after).summary).toEqual([
      "treatment rule 'North fee': region equal north -> south",
      "treatment rule 'North fee': points greaterThan 3 -> 4",
    ]);
    const repathed = base();
    northFee(repathed).conditions = all(
      any(not(factCondition('region', 'equal', 'north')), factCondition('points', 'greaterThan', 3, { path: '$.size' })),
    );
    expect(diffPolicies(before, repathed).summary).toEqual(["treatment rule 'North fee': conditions changed"]);
  });

  it('shows a changed list of values as the values', () => {
    expect(
      summary(
        (d) => (northFee(d).conditions = all(factCondition('region', 'in', ['north', 'south']), factCondition('revenue', 'lessThan', 3))),
      ),
    ).toEqual(["treatment rule 'North fee': conditions changed"]);
    const listed = base();
    northFee(listed).conditions = all(factCondition('region', 'in', ['north']));
    const after = base();
    northFee(after).conditions = all(factCondition('region', 'in', ['north', 'south']));
    expect(diffPolicies(listed, after).summary).toEqual(["treatment rule 'North fee': region in north -> north, south"]);
  });

  it('reports a removed treatment rule as a removal at its place in the older version', () => {
    const after = base();
    after.treatments = [after.treatments![0]!];
    expect(diffPolicies(base(), after)).toEqual({
      changes: [{ op: 'removed', path: '/treatments/1', before: base().treatments![1] }],
      summary: ["treatment rule 'North fee' removed"],
    });
  });
});

describe('the structural diff', () => {
  it('reports a removed key with its old value', () => {
    expect(structuralDiff({ a: 1, b: { c: 2 } }, { a: 1 })).toEqual([{ op: 'removed', path: '/b', before: { c: 2 } }]);
  });

  it('compares lists of plain values whole, and equal lists as unchanged', () => {
    expect(structuralDiff({ l: [1, 2] }, { l: [1, 3] })).toEqual([{ op: 'changed', path: '/l', before: [1, 2], after: [1, 3] }]);
    expect(structuralDiff({ l: [null, 1] }, { l: [1, 1] })).toEqual([{ op: 'changed', path: '/l', before: [null, 1], after: [1, 1] }]);
    expect(structuralDiff({ l: ['a'] }, { l: ['a'] })).toEqual([]);
  });

  it('compares lists holding objects without ids by position', () => {
    expect(structuralDiff([{ a: 1 }, { a: 2 }], [{ a: 1 }, { a: 3 }])).toEqual([{ op: 'changed', path: '/1/a', before: 2, after: 3 }]);
    expect(structuralDiff([{ a: 1 }], [{ a: 1 }, { a: 2 }])).toEqual([{ op: 'added', path: '/1', after: { a: 2 } }]);
    expect(structuralDiff([{ a: 1 }, { a: 2 }], [{ a: 1 }])).toEqual([{ op: 'removed', path: '/1', before: { a: 2 } }]);
    expect(structuralDiff([1, { a: 1 }], [1, 2])).toEqual([{ op: 'changed', path: '/1', before: { a: 1 }, after: 2 }]);
    expect(structuralDiff([1, 2], [1, { a: 1 }])).toEqual([{ op: 'changed', path: '/1', before: 2, after: { a: 1 } }]);
  });

  it('matches items by id only when every item of both lists has one', () => {
    expect(structuralDiff([{ id: 'a' }], ['a'])).toEqual([{ op: 'changed', path: '/0', before: { id: 'a' }, after: 'a' }]);
    expect(structuralDiff([{ id: 'a' }, { n: 1 }], [{ n: 1 }, { id: 'a' }])).toEqual([
      { op: 'removed', path: '/0/id', before: 'a' },
      { op: 'added', path: '/0/n', after: 1 },
      { op: 'removed', path: '/1/n', before: 1 },
      { op: 'added', path: '/1/id', after: 'a' },
    ]);
  });

  it('reports a removal among items with ids without calling it a move', () => {
    expect(structuralDiff([{ id: 'a' }, { id: 'b' }, { id: 'c' }], [{ id: 'a' }, { id: 'c' }])).toEqual([
      { op: 'removed', path: '/1', before: { id: 'b' } },
    ]);
  });

  it('replaces a value whose kind changed', () => {
    expect(structuralDiff({ a: [1] }, { a: { b: 1 } })).toEqual([{ op: 'changed', path: '/a', before: [1], after: { b: 1 } }]);
    expect(structuralDiff({ a: { b: 1 } }, { a: 5 })).toEqual([{ op: 'changed', path: '/a', before: { b: 1 }, after: 5 }]);
    expect(structuralDiff({ a: null }, { a: { b: 1 } })).toEqual([{ op: 'changed', path: '/a', before: null, after: { b: 1 } }]);
    expect(structuralDiff([null], [{ id: 'a' }])).toEqual([{ op: 'changed', path: '/0', before: null, after: { id: 'a' } }]);
  });
});

describe('a tier threshold', () => {
  it('is read only from a single score condition with a number', () => {
    const tierA = (conditions: Parameters<typeof all>) => (d: PolicyDocument) => (d.grading.tiers[0]!.conditions = all(...conditions));
    const before = base();
    tierA([factCondition('score', 'greaterThanInclusive', 5), factCondition('region', 'equal', 'north')])(before);
    const after = base();
    tierA([factCondition('score', 'greaterThanInclusive', 6), factCondition('region', 'equal', 'north')])(after);
    expect(diffPolicies(before, after).summary).toEqual(['tier A: score greaterThanInclusive 5 -> 6']);

    const byRevenue = base();
    tierA([factCondition('revenue', 'greaterThanInclusive', 5)])(byRevenue);
    const byMoreRevenue = base();
    tierA([factCondition('revenue', 'greaterThanInclusive', 6)])(byMoreRevenue);
    expect(diffPolicies(byRevenue, byMoreRevenue).summary).toEqual(['tier A: revenue greaterThanInclusive 5 -> 6']);

    const againstFact = base();
    tierA([factCondition('score', 'greaterThanInclusive', { fact: 'revenue' })])(againstFact);
    const againstOther = base();
    tierA([factCondition('score', 'greaterThanInclusive', { fact: 'rank' })])(againstOther);
    expect(diffPolicies(againstFact, againstOther).summary).toEqual([
      'tier A: score greaterThanInclusive {"fact":"revenue"} -> {"fact":"rank"}',
    ]);
  });

  it('of a renamed catch-all tier is not a condition change', () => {
    expect(summary((d) => (d.grading.tiers[1]!.label = { en: 'rest' }))).toEqual(["tier B renamed 'tier B' -> 'rest'"]);
  });
});
