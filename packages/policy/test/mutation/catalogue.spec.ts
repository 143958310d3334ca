import { describe, expect, it } from 'vitest';
import { recordCatalogue, withScore, withTier } from '../../src/catalogue.js';
import { factFactory, policyFactory, populationFactFactory } from '../../src/testing/policy-factory.js';

// The catalogue is what lint checks conditions against and what the API lists
// as the facts a condition may use, so each entry is pinned whole.
describe('the fact catalogue', () => {
  it('lists record facts with their bounds as numbers, dates as epoch milliseconds', () => {
    const catalogue = recordCatalogue(
      policyFactory({
        facts: {
          since: factFactory({ type: 'date', label: { en: 'since' }, min: '2020-01-02', required: false, default: '2021-01-01' }),
          revenue: factFactory({ label: { en: 'revenue' }, min: 0, max: 10 }),
          // Lint reports a text bound on a number fact; the catalogue has no bound for it.
          staff: factFactory({ label: { en: 'staff' }, min: 'ten' as unknown as number }),
          exporter: factFactory({ type: 'boolean', label: { en: 'exporter' } }),
          region: factFactory({ type: 'string', label: { en: 'region' }, enum: ['north', 'south'] }),
        },
      }),
    );
    expect(catalogue.get('since')).toEqual({
      name: 'since',
      type: 'date',
      origin: 'record',
      label: { en: 'since' },
      required: false,
      default: '2021-01-01',
      min: Date.UTC(2020, 0, 2),
      max: undefined,
      allowed: undefined,
    });
    expect(catalogue.get('revenue')).toMatchObject({ type: 'number', required: true, min: 0, max: 10, allowed: undefined });
    expect(catalogue.get('staff')).toMatchObject({ min: undefined, max: undefined });
    expect(catalogue.get('exporter')?.allowed).toEqual(new Set([true, false]));
    expect(catalogue.get('region')?.allowed).toEqual(new Set(['north', 'south']));
  });

  it('adds population facts: a rank is a whole number from 1, a percentile from 0 to 1, a cumulative share from 0', () => {
    const catalogue = recordCatalogue(
      policyFactory({
        facts: { profit: factFactory() },
        population: {
          rank: populationFactFactory({ of: 'profit', measure: 'rank', label: { en: 'rank' } }),
          percentile: populationFactFactory({ of: 'profit', measure: 'percentile', label: { en: 'percentile' } }),
          share: populationFactFactory({ of: 'profit', measure: 'cumulativeShare', label: { en: 'share' } }),
        },
      }),
    );
    const common = { origin: 'population', required: true, default: undefined, allowed: undefined };
    expect(catalogue.get('rank')).toEqual({ ...common, name: 'rank', label: { en: 'rank' }, type: 'integer', min: 1, max: undefined });
    expect(catalogue.get('percentile')).toEqual({
      ...common,
      name: 'percentile',
      label: { en: 'percentile' },
      type: 'number',
      min: 0,
      max: 1,
    });
    expect(catalogue.get('share')).toEqual({ ...common, name: 'share', label: { en: 'share' }, type: 'number', min: 0, max: undefined });
  });

  it('adds the score, within the range the scorecard awards, and the points of each criterion by path', () => {
    const catalogue = withScore(new Map(), { min: -2, max: 40 }, ['growth', 'size']);
    expect(catalogue.get('points')).toEqual({
      name: 'points',
      type: 'number',
      origin: 'score',
      label: { en: 'points per criterion', zh: '各项得分' },
      required: true,
      default: undefined,
      min: undefined,
      max: undefined,
      allowed: undefined,
      paths: new Set(['$.growth', '$.size']),
    });
    expect(catalogue.get('score')).toEqual({
      name: 'score',
      type: 'number',
      origin: 'score',
      label: { en: 'score', zh: '总分' },
      required: true,
      default: undefined,
      min: -2,
      max: 40,
      allowed: undefined,
    });
  });

  it('adds the tier, one of the policy tiers, keeping the facts it was given', () => {
    const revenue = recordCatalogue(policyFactory()).get('revenue')!;
    const catalogue = withTier(new Map([['revenue', revenue]]), ['A', 'B']);
    expect(catalogue.get('revenue')).toBe(revenue);
    expect(catalogue.get('tier')).toEqual({
      name: 'tier',
      type: 'string',
      origin: 'tier',
      label: { en: 'tier', zh: '等级' },
      required: true,
      default: undefined,
      min: undefined,
      max: undefined,
      allowed: new Set(['A', 'B']),
    });
  });
});
