import { describe, expect, it } from 'vitest';
import type { Band, PolicyDocument } from '../../src/index.js';
import { criterionFactory, factFactory, policyFactory } from '../../src/testing/policy-factory.js';
import { decide } from './decide.js';

// The README's band, { "atLeast": 10, "below": 15, "points": 12 }: atLeast is
// inclusive, below exclusive, so 10 and 14.99 score 12 and 15 does not.
function bandedPolicy(bands: Band[]): PolicyDocument {
  return policyFactory({
    facts: { revenue: factFactory({ min: 0, max: 100 }) },
    grading: {
      scorecard: [criterionFactory({ max: 15, points: { fact: 'revenue', bands } })],
      tiers: [{ id: 'A', label: { en: 'tier A' } }],
    },
    treatments: [],
  });
}

const README_BANDS: Band[] = [
  { below: 10, points: 3 },
  { atLeast: 10, below: 15, points: 12 },
  { atLeast: 15, points: 15 },
];

describe('score bands', () => {
  it.each([
    [0, 3],
    [9.99, 3],
    [10, 12],
    [14.99, 12],
    [15, 15],
    [100, 15],
  ])('revenue %s falls in the band worth %s points (atLeast inclusive, below exclusive)', async (revenue, points) => {
    const decision = await decide(bandedPolicy(README_BANDS), { revenue });
    expect(decision.breakdown).toEqual([{ criterion: 'revenue', points, max: 15, reason: `revenue is ${revenue}` }]);
    expect(decision.score).toBe(points);
  });

  it('reads each bound of a band whatever order the bands are listed in', async () => {
    const highestFirst = [...README_BANDS].reverse();
    expect((await decide(bandedPolicy(highestFirst), { revenue: 0 })).score).toBe(3);
    expect((await decide(bandedPolicy(highestFirst), { revenue: 12 })).score).toBe(12);
    expect((await decide(bandedPolicy(highestFirst), { revenue: 20 })).score).toBe(15);
  });

  it('scores a value band by exact membership', async () => {
    const policy = policyFactory({
      facts: { sector: factFactory({ type: 'string', enum: ['government', 'retail', 'other'] }) },
      grading: {
        scorecard: [
          criterionFactory({
            id: 'sector',
            max: 15,
            points: {
              fact: 'sector',
              bands: [
                { values: ['government'], points: 15 },
                { values: ['retail', 'other'], points: 5 },
              ],
            },
          }),
        ],
        tiers: [{ id: 'A', label: { en: 'tier A' } }],
      },
      treatments: [],
    });
    expect((await decide(policy, { sector: 'government' })).score).toBe(15);
    expect((await decide(policy, { sector: 'other' })).breakdown[0]).toEqual({
      criterion: 'sector',
      points: 5,
      max: 15,
      reason: 'sector is other',
    });
  });
});
