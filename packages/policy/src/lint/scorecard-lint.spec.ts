import { describe, expect, it } from 'vitest';
import type { Band, FactDefinition, PolicyDocument } from '../document.js';
import { all, criterionFactory, factCondition, factFactory, policyFactory, populationFactFactory } from '../testing/policy-factory.js';
import { lintPolicy } from './lint-policy.js';

function finding(code: string, path: string, message: string | RegExp, severity = 'error') {
  return { severity, code, path, message: typeof message === 'string' ? message : expect.stringMatching(message) };
}

/** The test policy scored by one criterion 'revenue' (max 10) banding the given fact. */
function bandedPolicy(fact: FactDefinition, bands: Band[]): PolicyDocument {
  const document = policyFactory({ facts: { revenue: fact } });
  document.grading.scorecard = [criterionFactory({ points: { fact: 'revenue', bands } })];
  return document;
}

function lintBands(bands: Band[], fact: FactDefinition = factFactory({ min: 0, max: 10 })) {
  return lintPolicy(bandedPolicy(fact, bands));
}

const BANDS = '/grading/scorecard/0/points/bands';
const NATURE = factFactory({ type: 'string', enum: ['government', 'soe', 'private'] });

describe('scorecard lint: points-above-max', () => {
  it("flags a direct fact whose maximum exceeds the criterion's", () => {
    const document = policyFactory({ facts: { growth: factFactory({ min: 0, max: 18 }) } });
    document.grading.scorecard = [criterionFactory({ id: 'growth', max: 15, points: { fact: 'growth' } })];

    expect(lintPolicy(document)).toEqual([
      finding('points-above-max', '/grading/scorecard/0/points/fact', "criterion 'growth' awards 18 points but its maximum is 15"),
    ]);
  });

  it('flags a direct fact with no maximum', () => {
    const document = policyFactory({ facts: { revenue: factFactory({ min: 0 }) } });

    expect(lintPolicy(document)).toEqual([
      finding(
        'points-above-max',
        '/grading/scorecard/0/points/fact',
        "criterion 'revenue' counts 'revenue' as points, but 'revenue' has no maximum; give it a max of at most 10 or use bands",
      ),
    ]);
  });

  it('warns that a direct fact with no minimum can subtract any number of points', () => {
    const document = policyFactory({ facts: { revenue: factFactory({ max: 10 }) } });

    expect(lintPolicy(document)).toEqual([
      finding(
        'points-above-max',
        '/grading/scorecard/0/points/fact',
        "'revenue' has no minimum, so criterion 'revenue' can subtract any number of points",
        'warning',
      ),
    ]);
  });

  it('flags a rank used directly as points, since ranks have no maximum', () => {
    const document = policyFactory({ population: { revenueRank: populationFactFactory() } });
    document.grading.scorecard = [criterionFactory({ points: { fact: 'revenueRank' } })];

    expect(lintPolicy(document)).toEqual([finding('points-above-max', '/grading/scorecard/0/points/fact', /'revenueRank' has no maximum/)]);
  });

  it('flags a band that awards more than the maximum', () => {
    expect(
      lintBands([
        { below: 5, points: 4 },
        { atLeast: 5, points: 12 },
      ]),
    ).toEqual([finding('points-above-max', `${BANDS}/1/points`, "criterion 'revenue' awards 12 points but its maximum is 10")]);
  });

  it('flags a rule that awards more than the maximum', () => {
    const document = policyFactory();
    document.grading.scorecard = [
      criterionFactory({ points: { rules: [{ id: 'big', conditions: all(factCondition('revenue', 'greaterThan', 8)), points: 11 }] } }),
    ];

    expect(lintPolicy(document)).toEqual([
      finding(
        'points-above-max',
        '/grading/scorecard/0/points/rules/0/points',
        "criterion 'revenue' awards 11 points but its maximum is 10",
      ),
    ]);
  });

  it('flags an otherwise that awards more than the maximum', () => {
    const document = policyFactory();
    document.grading.scorecard = [
      criterionFactory({
        points: { rules: [{ id: 'small', conditions: all(factCondition('revenue', 'lessThan', 2)), points: 0 }], otherwise: 15 },
      }),
    ];

    expect(lintPolicy(document)).toEqual([
      finding('points-above-max', '/grading/scorecard/0/points/otherwise', "criterion 'revenue' awards 15 points but its maximum is 10"),
    ]);
  });

  it('accepts points equal to the maximum', () => {
    expect(
      lintBands([
        { below: 5, points: 0 },
        { atLeast: 5, points: 10 },
      ]),
    ).toEqual([]);
  });
});

describe('scorecard lint: the points source', () => {
  it('flags points taken from an unknown fact', () => {
    const document = policyFactory();
    document.grading.scorecard = [criterionFactory({ points: { fact: 'turnover' } })];

    expect(lintPolicy(document)).toEqual([
      finding('unknown-fact', '/grading/scorecard/0/points/fact', "criterion 'revenue' takes its points from unknown fact 'turnover'"),
    ]);
  });

  it('flags a criterion that scores an optional fact without a default', () => {
    const document = policyFactory({ facts: { revenue: factFactory({ min: 0, max: 10, required: false }) } });

    expect(lintPolicy(document)).toEqual([
      finding(
        'optional-fact-in-scorecard',
        '/grading/scorecard/0/points/fact',
        "criterion 'revenue' scores 'revenue', which may be missing; make 'revenue' required or give it a default",
      ),
    ]);
  });

  it('accepts an optional fact with a default', () => {
    expect(lintPolicy(policyFactory({ facts: { revenue: factFactory({ min: 0, max: 10, required: false, default: 0 }) } }))).toEqual([]);
  });

  it('asks for bands when a yes/no fact is counted as points', () => {
    const document = policyFactory({ facts: { revenue: factFactory({ type: 'boolean' }) } });

    expect(lintPolicy(document)).toEqual([
      finding(
        'value-type',
        '/grading/scorecard/0/points/fact',
        "criterion 'revenue' counts 'revenue' as points, but it is boolean; use bands",
      ),
    ]);
  });
});

describe('scorecard lint: number bands', () => {
  it('accepts bands that cover the whole range once, in any order', () => {
    expect(
      lintBands([
        { atLeast: 7, points: 10 },
        { below: 3, points: 0 },
        { atLeast: 3, below: 7, points: 5 },
      ]),
    ).toEqual([]);
  });

  it('accepts a closed top band on an integer fact that reaches past its maximum', () => {
    expect(
      lintBands(
        [
          { below: 5, points: 0 },
          { atLeast: 5, below: 11, points: 10 },
        ],
        factFactory({ type: 'integer', min: 0, max: 10 }),
      ),
    ).toEqual([]);
  });

  it('flags a gap at the bottom', () => {
    expect(
      lintBands([
        { atLeast: 2, below: 5, points: 0 },
        { atLeast: 5, points: 10 },
      ]),
    ).toEqual([finding('band-gap', `${BANDS}/0/atLeast`, "criterion 'revenue' has no band for revenue below 2 (it can be as low as 0)")]);
  });

  it('flags a gap at the bottom of a fact with no minimum', () => {
    expect(lintBands([{ atLeast: 0, points: 10 }], factFactory({ max: 10 }))).toEqual([
      finding('band-gap', `${BANDS}/0/atLeast`, "criterion 'revenue' has no band for revenue below 0"),
    ]);
  });

  it('flags a gap in the middle', () => {
    expect(
      lintBands([
        { below: 3, points: 0 },
        { atLeast: 4, points: 10 },
      ]),
    ).toEqual([finding('band-gap', `${BANDS}/1/atLeast`, "criterion 'revenue' has no band for revenue from 3 to below 4")]);
  });

  it('flags a gap at the top', () => {
    expect(
      lintBands([
        { below: 5, points: 0 },
        { atLeast: 5, below: 8, points: 10 },
      ]),
    ).toEqual([finding('band-gap', `${BANDS}/1/below`, "criterion 'revenue' has no band for revenue from 8 up (it can be as high as 10)")]);
  });

  it("flags a top band whose 'below' equals the fact's inclusive maximum", () => {
    expect(
      lintBands([
        { below: 5, points: 0 },
        { atLeast: 5, below: 10, points: 10 },
      ]),
    ).toEqual([
      finding('band-gap', `${BANDS}/1/below`, "criterion 'revenue' has no band for revenue from 10 up (it can be as high as 10)"),
    ]);
  });

  it('flags a bounded top band on a fact with no maximum', () => {
    expect(
      lintBands(
        [
          { below: 5, points: 0 },
          { atLeast: 5, below: 100, points: 10 },
        ],
        factFactory({ min: 0 }),
      ),
    ).toEqual([finding('band-gap', `${BANDS}/1/below`, "criterion 'revenue' has no band for revenue from 100 up")]);
  });

  it('flags overlapping bands', () => {
    expect(
      lintBands([
        { below: 5, points: 0 },
        { atLeast: 4, points: 10 },
      ]),
    ).toEqual([finding('band-overlap', `${BANDS}/1`, "criterion 'revenue': bands 1 and 2 overlap between 4 and 5")]);
  });

  it('compares each band with the widest earlier band, not only its neighbour', () => {
    const bands = [
      { below: 8, points: 0 },
      { atLeast: 2, below: 3, points: 5 },
      { atLeast: 5, points: 10 },
    ];

    expect(lintBands(bands)).toEqual([
      finding('band-overlap', `${BANDS}/1`, "criterion 'revenue': bands 1 and 2 overlap between 2 and 3"),
      finding('band-overlap', `${BANDS}/2`, "criterion 'revenue': bands 1 and 3 overlap between 5 and 8"),
    ]);
  });

  it('flags an empty band without inventing a gap around it', () => {
    expect(
      lintBands([
        { below: 5, points: 0 },
        { atLeast: 6, below: 2, points: 5 },
        { atLeast: 5, points: 10 },
      ]),
    ).toEqual([finding('band-gap', `${BANDS}/1`, "criterion 'revenue': band 2 is empty (atLeast 6 is not below 2)")]);
  });

  it('asks for number bands on a number fact', () => {
    expect(lintBands([{ values: ['high'], points: 10 }])).toEqual([
      finding('value-type', BANDS, `'revenue' is number, so criterion 'revenue' needs number bands ({ "atLeast", "below" })`),
    ]);
  });
});

describe('scorecard lint: value bands', () => {
  it('accepts bands that give every enum value points once', () => {
    expect(
      lintBands(
        [
          { values: ['government', 'soe'], points: 10 },
          { values: ['private'], points: 5 },
        ],
        NATURE,
      ),
    ).toEqual([]);
  });

  it('flags a value listed in two bands', () => {
    const bands = [
      { values: ['government', 'soe'], points: 10 },
      { values: ['soe', 'private'], points: 5 },
    ];

    expect(lintBands(bands, NATURE)).toEqual([
      finding('band-overlap', `${BANDS}/1/values/0`, `criterion 'revenue': "soe" is already in band 1`),
    ]);
  });

  it('flags an enum value no band covers', () => {
    expect(lintBands([{ values: ['government', 'soe'], points: 10 }], NATURE)).toEqual([
      finding('band-gap', BANDS, `criterion 'revenue' gives no points for revenue "private"; add them to a band`),
    ]);
  });

  it('flags a value that is not in the enum', () => {
    const bands = [
      { values: ['government', 'soe', 'charity'], points: 10 },
      { values: ['private'], points: 5 },
    ];

    expect(lintBands(bands, NATURE)).toEqual([
      finding('value-type', `${BANDS}/0/values/2`, `"charity" is not a value of 'revenue'; known: government, soe, private`),
    ]);
  });

  it('bands a yes/no fact by true and false', () => {
    const flag = factFactory({ type: 'boolean' });

    expect(
      lintBands(
        [
          { values: [true], points: 10 },
          { values: [false], points: 0 },
        ],
        flag,
      ),
    ).toEqual([]);
    expect(lintBands([{ values: [true], points: 10 }], flag)).toEqual([finding('band-gap', BANDS, /gives no points for revenue false/)]);
  });

  it('asks for value bands on an enum fact', () => {
    expect(
      lintBands(
        [
          { below: 5, points: 0 },
          { atLeast: 5, points: 10 },
        ],
        NATURE,
      ),
    ).toEqual([finding('value-type', BANDS, `'revenue' is string, so criterion 'revenue' needs value bands ({ "values": [...] })`)]);
  });

  it('asks for an enum before free text can be banded', () => {
    expect(lintBands([{ values: ['big'], points: 10 }], factFactory({ type: 'string' }))).toEqual([
      finding('value-type', BANDS, "'revenue' is free text, so criterion 'revenue' cannot band it; give 'revenue' an enum of values"),
    ]);
  });
});
