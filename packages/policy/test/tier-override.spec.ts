import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, trace, type CompiledPolicy } from '../src/index.js';
import { shippedPolicy } from './support/policies.js';
import { seedCustomer } from './support/seed-customer.js';

let policy: CompiledPolicy;
beforeAll(async () => {
  policy = await shippedPolicy('default');
});

const keepInA = { tier: 'A', reason: 'strategic partner, kept in A by the sales director' };

describe('a tier set by hand', () => {
  it('gives the overriding tier its treatments and keeps the score as graded', () => {
    const evaluation = evaluate(policy, seedCustomer({ nature: 'private', score: 62 }), { tierOverride: keepInA });
    if (!evaluation.ok) throw new Error(JSON.stringify(evaluation.errors));
    expect(evaluation.decision).toMatchObject({
      tier: 'A',
      score: 62,
      treatments: { accountManager: { dedicated: true }, queue: { priority: 1, greenChannel: true } },
    });
    expect(evaluation.decision.explanation[0]).toBe(
      'tier A (key customer) set by hand: strategic partner, kept in A by the sales director (by the rules: score 62 >= 60: tier B (ordinary customer))',
    );
  });

  it('does not lift a blacklisted customer out of the blacklist treatments', () => {
    const evaluation = evaluate(policy, seedCustomer({ nature: 'government', score: 90, blacklisted: true }), { tierOverride: keepInA });
    if (!evaluation.ok) throw new Error(JSON.stringify(evaluation.errors));
    expect(evaluation.decision.tier).toBe('A');
    expect(Object.keys(evaluation.decision.treatments).sort()).toEqual(['blacklist', 'queue']);
    expect(evaluation.decision.treatments['queue']).toMatchObject({ priority: 99 });
  });

  it('refuses a tier the policy does not have, naming the tiers it has', () => {
    const evaluation = evaluate(policy, seedCustomer({ score: 50 }), { tierOverride: { tier: 'Z', reason: 'typo' } });
    expect(evaluation).toEqual({
      ok: false,
      customerId: 'c-test',
      errors: [{ path: '/tierOverride/tier', message: "'Z' is not a tier of this policy; its tiers are A, B, C" }],
    });
  });

  it('reaches the same decision through the json-rules-engine trace', async () => {
    const record = seedCustomer({ nature: 'soe', score: 40, balance: 100 });
    const fast = evaluate(policy, record, { tierOverride: { tier: 'B', reason: 'disputed invoice' } });
    const traced = await trace(policy, record, { tierOverride: { tier: 'B', reason: 'disputed invoice' } });
    if (!fast.ok || !traced.ok) throw new Error('both must decide');
    expect(traced.decision).toEqual(fast.decision);
    // Tier B has no small-account fee: the override takes it away with tier C.
    expect(fast.decision.treatments['fee']).toBeUndefined();
  });
});
