import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, Population, type CompiledPolicy, type PolicyDocument } from '../src/index.js';

function rankingPolicy(order: 'descending' | 'ascending' = 'descending'): CompiledPolicy {
  const document: PolicyDocument = {
    id: 'ranking',
    name: { en: 'ranking' },
    facts: {
      profit: { type: 'number', required: true, label: { en: 'profit' } },
      note: { type: 'number', label: { en: 'optional' } },
    },
    population: {
      share: { of: 'profit', measure: 'cumulativeShare', order, label: { en: 'share' } },
      rank: { of: 'profit', measure: 'rank', order, label: { en: 'rank' } },
      percentile: { of: 'profit', measure: 'percentile', order, label: { en: 'percentile' } },
    },
    grading: {
      tiers: [
        { id: 'A', label: { en: 'top' }, conditions: { all: [{ fact: 'share', operator: 'lessThanInclusive', value: 0.8 }] } },
        { id: 'C', label: { en: 'rest' } },
      ],
    },
  };
  return compilePolicy(document);
}

const profits = (...values: number[]) => values.map((profit) => ({ profit }));

describe('population facts', () => {
  it('ranks from the top, tied customers sharing a rank and a cumulative share', () => {
    const policy = rankingPolicy();
    const population = Population.of(policy, profits(50, 30, 30, 10));
    expect(population.factsFor({ profit: 50 })).toEqual({ share: 50 / 120, rank: 1, percentile: 1 });
    expect(population.factsFor({ profit: 30 })).toEqual({ share: 110 / 120, rank: 2, percentile: 0.75 });
    expect(population.factsFor({ profit: 10 })).toEqual({ share: 1, rank: 4, percentile: 0.25 });
  });

  it('does not depend on the order customers arrive in', () => {
    const policy = rankingPolicy();
    const forwards = Population.of(policy, profits(5, 80, 15, 0, 80));
    const backwards = Population.of(policy, profits(80, 0, 15, 80, 5));
    for (const profit of [0, 5, 15, 80]) expect(forwards.factsFor({ profit })).toEqual(backwards.factsFor({ profit }));
  });

  it('ranks from the bottom when the order is ascending', () => {
    const population = Population.of(rankingPolicy('ascending'), profits(1, 2, 3));
    expect(population.factsFor({ profit: 1 })).toMatchObject({ rank: 1, share: 1 / 6 });
    expect(population.factsFor({ profit: 3 })).toMatchObject({ rank: 3, share: 1 });
  });

  it('places a value from outside the population (a what-if) where it would sort', () => {
    const population = Population.of(rankingPolicy(), profits(50, 30, 10));
    expect(population.factsFor({ profit: 40 })).toMatchObject({ rank: 2, share: (50 + 40) / 90 });
    expect(population.factsFor({ profit: 1 })).toMatchObject({ rank: 4 });
  });

  it('puts nobody in the top share when total profit is not positive', () => {
    const population = Population.of(rankingPolicy(), profits(-5, 3));
    expect(population.factsFor({ profit: 3 })['share']).toBe(1);
  });

  it('grades ABC-style from the whole population', () => {
    const policy = rankingPolicy();
    const records = [60, 25, 10, 5].map((profit, i) => ({ customerId: `c${i}`, profit }));
    const population = Population.of(policy, records);
    const tiers = records.map((record) => {
      const evaluation = evaluate(policy, record, { population });
      return evaluation.ok ? evaluation.decision.tier : evaluation.errors;
    });
    expect(tiers).toEqual(['A', 'C', 'C', 'C']);
  });

  it('refuses to evaluate a ranking policy without its population', () => {
    expect(() => evaluate(rankingPolicy(), { profit: 1 })).toThrow(/evaluate it with a Population/);
  });

  it('refuses population facts supplied in a record', () => {
    const policy = rankingPolicy();
    const evaluation = evaluate(policy, { profit: 1, rank: 1 }, { population: Population.of(policy, []) });
    expect(evaluation.ok).toBe(false);
    if (!evaluation.ok)
      expect(evaluation.errors).toEqual([{ path: '/rank', message: "'rank' is computed over all customers and cannot be supplied" }]);
  });
});
