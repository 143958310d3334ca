import { describe, expect, it } from 'vitest';
import { compilePolicy, Population, type CompiledPolicy, type NormalizedFacts, type PolicyDocument } from '../../src/index.js';
import { factFactory, policyFactory, populationFactFactory, tierFactory } from '../../src/testing/policy-factory.js';

function measuresPolicy(order?: 'descending' | 'ascending'): CompiledPolicy {
  const document: PolicyDocument = policyFactory({
    facts: { profit: factFactory(), other: factFactory({ required: false }) },
    population: {
      share: populationFactFactory({ of: 'profit', measure: 'cumulativeShare', order, label: { en: 'share' } }),
      rank: populationFactFactory({ of: 'profit', measure: 'rank', order, label: { en: 'rank' } }),
      percentile: populationFactFactory({ of: 'profit', measure: 'percentile', order, label: { en: 'percentile' } }),
    },
    grading: { tiers: [tierFactory('A')] },
    treatments: [],
  });
  return compilePolicy(document);
}

const of = (policy: CompiledPolicy, ...profits: number[]) =>
  Population.of(
    policy,
    profits.map((profit) => ({ profit })),
  );

describe('population measures', () => {
  it('gives every customer a cumulative share of 1 when the total is zero (no division by zero)', () => {
    const population = of(measuresPolicy('descending'), 0, 0, 0);
    expect(population.factsFor({ profit: 0 })).toEqual({ share: 1, rank: 1, percentile: 1 });
    expect(population.factsFor({ profit: 5 })).toEqual({ share: 1, rank: 1, percentile: 1 });
  });

  it('gives rank 1, percentile 1 and share 1 against an empty population', () => {
    expect(of(measuresPolicy('descending')).factsFor({ profit: 7 })).toEqual({ share: 1, rank: 1, percentile: 1 });
  });

  it('measures from the top by default: share of the total at or above, rank, share of customers at or below', () => {
    const population = of(measuresPolicy(), 10, 40, 20, 30);
    expect(population.factsFor({ profit: 40 })).toEqual({ share: 0.4, rank: 1, percentile: 1 });
    expect(population.factsFor({ profit: 30 })).toEqual({ share: 0.7, rank: 2, percentile: 0.75 });
    expect(population.factsFor({ profit: 20 })).toEqual({ share: 0.9, rank: 3, percentile: 0.5 });
    expect(population.factsFor({ profit: 10 })).toEqual({ share: 1, rank: 4, percentile: 0.25 });
  });

  it('counts customers tied at the top together', () => {
    const population = of(measuresPolicy('descending'), 30, 50, 50);
    expect(population.factsFor({ profit: 50 })).toEqual({ share: 100 / 130, rank: 1, percentile: 1 });
    expect(population.factsFor({ profit: 30 })).toEqual({ share: 1, rank: 3, percentile: 1 / 3 });
  });

  it('measures from the bottom when the order is ascending', () => {
    const population = of(measuresPolicy('ascending'), 10, 40, 20, 30);
    expect(population.factsFor({ profit: 10 })).toEqual({ share: 0.1, rank: 1, percentile: 1 });
    expect(population.factsFor({ profit: 20 })).toEqual({ share: 0.3, rank: 2, percentile: 0.75 });
    expect(population.factsFor({ profit: 40 })).toEqual({ share: 1, rank: 4, percentile: 0.25 });
  });

  it('places a value outside the population (a what-if) where it would sort, in either order', () => {
    const descending = of(measuresPolicy('descending'), 10, 40, 20, 30);
    expect(descending.factsFor({ profit: 50 })).toEqual({ share: 0.5, rank: 1, percentile: 1 });
    expect(descending.factsFor({ profit: 25 })).toEqual({ share: 0.95, rank: 3, percentile: 0.5 });
    expect(descending.factsFor({ profit: 5 })).toEqual({ share: 1.05, rank: 5, percentile: 0 });
    const ascending = of(measuresPolicy('ascending'), 10, 40, 20, 30);
    expect(ascending.factsFor({ profit: 25 })).toEqual({ share: 0.55, rank: 3, percentile: 0.5 });
    expect(ascending.factsFor({ profit: 5 })).toEqual({ share: 0.05, rank: 1, percentile: 1 });
  });

  it('treats tied customers alike, the tie counting whole towards rank and share', () => {
    const population = of(measuresPolicy('descending'), 5, 5, 5, 5, 20);
    expect(population.factsFor({ profit: 5 })).toEqual({ share: 1, rank: 2, percentile: 0.8 });
    expect(population.factsFor({ profit: 20 })).toEqual({ share: 0.5, rank: 1, percentile: 1 });
  });

  it('leaves population facts out for a customer without the measured fact', () => {
    const population = of(measuresPolicy('descending'), 1, 2);
    expect(population.factsFor({ other: 3 })).toEqual({});
  });

  it('collects customers one at a time as Population.of does, skipping those without the fact', () => {
    const policy = measuresPolicy('descending');
    const collector = Population.collector(policy);
    for (const facts of [{ profit: 30 }, { other: 99 }, { profit: 10 }] as NormalizedFacts[]) collector.add(facts);
    const collected = collector.finish();
    const whole = of(policy, 30, 10);
    for (const profit of [5, 10, 20, 30]) expect(collected.factsFor({ profit })).toEqual(whole.factsFor({ profit }));
    expect(collected.factsFor({ profit: 10 })).toEqual({ share: 1, rank: 2, percentile: 0.5 });
  });
});
