import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, type CompiledPolicy, type Decision } from '../src/index.js';
import { shippedPolicy } from './support/policies.js';
import { seedCustomer, type SeedCustomerOptions } from './support/seed-customer.js';

let policy: CompiledPolicy;
beforeAll(async () => {
  policy = await shippedPolicy('default');
});

function decide(options: SeedCustomerOptions): Decision {
  const evaluation = evaluate(policy, seedCustomer(options));
  if (!evaluation.ok) throw new Error(JSON.stringify(evaluation.errors));
  return evaluation.decision;
}

describe('the shipped default policy', () => {
  it('grades the reference example exactly as the decision contract shows', () => {
    const decision = decide({ nature: 'government', score: 82 });
    expect(decision).toMatchObject({
      customerId: 'c-test',
      tier: 'A',
      score: 82,
      treatments: {
        accountManager: { dedicated: true },
        queue: { priority: 1, greenChannel: true, slaSeconds: 20, slaTarget: 0.9 },
      },
      policy: { id: 'default', version: 1 },
    });
    expect(decision.breakdown[0]).toEqual({ criterion: 'nature', points: 15, max: 15, reason: 'nature is government' });
    expect(decision.breakdown.map((line) => line.criterion)).toEqual([
      'nature',
      'strength',
      'growth',
      'profitContribution',
      'relationship',
      'strategicImportance',
    ]);
    expect(decision.explanation[0]).toBe('score 82 >= 75: tier A (key customer)');
    expect(decision.policy.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it.each([
    ['government', 15],
    ['soe', 15],
    ['joint-stock', 10],
    ['private', 5],
  ] as const)('awards %s customers %i points for their nature', (nature, points) => {
    const decision = decide({ nature, score: 60 });
    expect(decision.breakdown[0]?.points).toBe(points);
    expect(decision.score).toBe(60);
  });

  it.each([
    [75, 'A'],
    [74, 'B'],
    [74.5, 'B'],
    [60, 'B'],
    [59, 'C'],
    [59.99, 'C'],
    [90, 'A'],
    [5, 'C'],
  ])('puts score %d in tier %s', (score, tier) => {
    expect(decide({ score }).tier).toBe(tier);
  });

  it('gives each tier its queue treatment', () => {
    expect(decide({ score: 80 }).treatments['queue']).toEqual({ priority: 1, greenChannel: true, slaSeconds: 20, slaTarget: 0.9 });
    expect(decide({ score: 65 }).treatments).toEqual({
      queue: { priority: 5, greenChannel: false, callbackWithinHours: 24, slaSeconds: 20, slaTarget: 0.85 },
    });
    expect(decide({ score: 40, balance: 9000 }).treatments).toEqual({
      queue: { priority: 9, greenChannel: false, slaSeconds: 20, slaTarget: 0.85 },
    });
  });

  it('charges the HKD 40 monthly fee to C customers under 5,000 without upgrade potential', () => {
    const fee = { amount: 40, currency: 'HKD', period: 'month' };
    expect(decide({ score: 40, balance: 4999 }).treatments['fee']).toEqual(fee);
    expect(decide({ score: 40, balance: 5000 }).treatments['fee']).toBeUndefined();
    expect(decide({ score: 40, balance: 4999, upgradePotential: true }).treatments['fee']).toBeUndefined();
    expect(decide({ score: 65, balance: 100 }).treatments['fee']).toBeUndefined();
    // balance defaults to 0 and upgradePotential to false
    expect(decide({ score: 40 }).treatments['fee']).toEqual(fee);
  });

  it('blacklists customers more than 180 days overdue, not at 180', () => {
    expect(decide({ score: 80, daysOverdue: 180 }).treatments['blacklist']).toBeUndefined();
    const overdue = decide({ score: 80, daysOverdue: 181 });
    expect(overdue.treatments).toEqual({
      blacklist: { reason: 'payment more than 180 days overdue' },
      queue: { priority: 99, greenChannel: false },
    });
  });

  it('lets the blacklist beat tier A and remove every other treatment', () => {
    const decision = decide({ nature: 'government', score: 95, blacklisted: true });
    expect(decision.tier).toBe('A');
    expect(decision.treatments).toEqual({ blacklist: { reason: 'on the blacklist' }, queue: { priority: 99, greenChannel: false } });
    expect(decision.explanation).toEqual([
      'score 95 >= 75: tier A (key customer)',
      'blacklisted: lowest queue priority; no credit, no other service',
    ]);
  });

  it('removes the small-account fee from blacklisted C customers', () => {
    const decision = decide({ score: 30, balance: 10, blacklisted: true });
    expect(Object.keys(decision.treatments).sort()).toEqual(['blacklist', 'queue']);
  });

  it('explains a C grade and every treatment in words for the agent', () => {
    const decision = decide({ score: 55, balance: 100 });
    expect(decision.explanation).toEqual([
      'score 55 meets no other tier: tier C (small customer)',
      'tier C: normal queue, priority 9 (85% answered within 20 s)',
      'balance under 5,000 and no upgrade potential: monthly fee HKD 40',
    ]);
  });
});
