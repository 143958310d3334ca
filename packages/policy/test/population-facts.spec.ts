import { beforeAll, describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, Population, trace, type CompiledPolicy, type Decision, type EvaluateOptions } from '../src/index.js';
import { factFactory, policyFactory, populationFactFactory, tierFactory } from '../src/testing/policy-factory.js';
import { shippedPolicy } from './support/policies.js';

// A grading run computes population facts in SQL (window functions) and passes
// each customer's in as `populationFacts`; the decision must be the one the
// in-memory Population gives.

let abc: CompiledPolicy;
beforeAll(async () => {
  abc = await shippedPolicy('examples/abc-pareto');
});

// Six customers; profits sorted from the top: 500, 200, 100, 50, 50, -20 (total 880).
const CUSTOMERS = [
  { customerId: 'c-1', annualProfit: 50 },
  { customerId: 'c-2', annualProfit: 500 },
  { customerId: 'c-3', annualProfit: -20 },
  { customerId: 'c-4', annualProfit: 100 },
  { customerId: 'c-5', annualProfit: 200 },
  { customerId: 'c-6', annualProfit: 50 },
];

// By hand, as `rank() over (order by annualProfit desc)` and
// `sum(annualProfit) over (order by annualProfit desc) / sum(annualProfit) over ()` give them.
const BY_HAND: Record<string, { profitShare: number; profitRank: number }> = {
  'c-2': { profitShare: 500 / 880, profitRank: 1 },
  'c-5': { profitShare: 700 / 880, profitRank: 2 },
  'c-4': { profitShare: 800 / 880, profitRank: 3 },
  'c-1': { profitShare: 900 / 880, profitRank: 4 },
  'c-6': { profitShare: 900 / 880, profitRank: 4 },
  'c-3': { profitShare: 880 / 880, profitRank: 6 },
};

async function bothWays(policy: CompiledPolicy, record: unknown, options: EvaluateOptions): Promise<Decision> {
  const fast = evaluate(policy, record, options);
  const traced = await trace(policy, record, options);
  if (!fast.ok || !traced.ok) throw new Error('a valid customer was refused');
  expect(traced.decision).toEqual(fast.decision);
  return fast.decision;
}

describe('population facts passed in', () => {
  it('are the facts Population measures (the hand computation is right)', () => {
    const population = Population.of(abc, CUSTOMERS);
    for (const customer of CUSTOMERS) expect(population.factsFor(customer)).toEqual(BY_HAND[customer.customerId]);
  });

  it('grade the ABC example exactly as the in-memory Population does, in evaluate and in trace', async () => {
    const population = Population.of(abc, CUSTOMERS);
    const tiers: Record<string, string | null> = {};
    for (const customer of CUSTOMERS) {
      const measured = await bothWays(abc, customer, { population });
      const given = await bothWays(abc, customer, { populationFacts: BY_HAND[customer.customerId]! });
      expect(given).toEqual(measured);
      tiers[customer.customerId] = given.tier;
    }
    expect(tiers).toEqual({ 'c-1': 'C', 'c-2': 'A', 'c-3': 'D', 'c-4': 'B', 'c-5': 'A', 'c-6': 'C' });
  });

  it('are used instead of a Population given as well', () => {
    const population = Population.of(abc, [{ annualProfit: 1 }]);
    const evaluation = evaluate(abc, CUSTOMERS[3], { population, populationFacts: BY_HAND['c-4']! });
    expect(evaluation).toMatchObject({ ok: true, decision: { tier: 'B' } });
  });

  it('refuse a customer whose declared population fact is missing, naming it, in evaluate and in trace', async () => {
    const expected = {
      ok: false,
      customerId: 'c-2',
      errors: [
        {
          path: '/populationFacts/profitRank',
          message: "'profitRank' (rank of annualProfit) is missing: the customer has annualProfit, so its rank must be given",
        },
      ],
    };
    const options = { populationFacts: { profitShare: 500 / 880 } };
    expect(evaluate(abc, CUSTOMERS[1], options)).toEqual(expected);
    expect(await trace(abc, CUSTOMERS[1], options)).toEqual(expected);
  });

  it('refuse a name the policy does not declare and values no measure can take', () => {
    const evaluation = evaluate(abc, CUSTOMERS[1], { populationFacts: { profitShare: Number.NaN, profitRank: 1.5, share: 0.5 } });
    expect(evaluation).toEqual({
      ok: false,
      customerId: 'c-2',
      errors: [
        {
          path: '/populationFacts/share',
          message: "'share' is not a population fact of this policy; its population facts are profitShare, profitRank",
        },
        {
          path: '/populationFacts/profitShare',
          message: "'profitShare' (cumulative share of annualProfit) must be a finite number, not NaN",
        },
        { path: '/populationFacts/profitRank', message: "'profitRank' (rank of annualProfit) must be a whole number from 1, not 1.5" },
      ],
    });
  });

  it('are absent where the customer lacks the measured fact, as Population leaves them out', async () => {
    const document = policyFactory({
      facts: { revenue: factFactory({ min: 0, max: 10 }), profit: factFactory({ required: false }) },
      population: {
        profitPercentile: populationFactFactory({ of: 'profit', measure: 'percentile', label: { en: 'Profit percentile' } }),
      },
    });
    document.grading.tiers = [
      tierFactory('A', { all: [{ fact: 'profitPercentile', operator: 'greaterThanInclusive', value: 0.5 }] }),
      tierFactory('B'),
    ];
    const policy = compilePolicy(document);
    const record = { customerId: 'c-1', revenue: 3 };
    const measured = await bothWays(policy, record, { population: Population.of(policy, [{ revenue: 1, profit: 5 }]) });
    expect(await bothWays(policy, record, { populationFacts: {} })).toEqual(measured);
    // A value given for a fact the customer cannot have (SQL ranks nulls too) is ignored.
    expect(await bothWays(policy, record, { populationFacts: { profitPercentile: 1 } })).toEqual(measured);
    expect(measured.tier).toBe('B');
    expect(evaluate(policy, { ...record, profit: 5 }, { populationFacts: { profitPercentile: 2 } })).toMatchObject({
      ok: false,
      errors: [
        { path: '/populationFacts/profitPercentile', message: "'profitPercentile' (percentile of profit) must be between 0 and 1, not 2" },
      ],
    });
  });
});
