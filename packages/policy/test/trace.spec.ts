import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, trace, type CompiledPolicy } from '../src/index.js';
import { shippedPolicy } from './support/policies.js';
import { seedCustomer } from './support/seed-customer.js';

let policy: CompiledPolicy;
beforeAll(async () => {
  policy = await shippedPolicy('default');
});

describe('trace', () => {
  it('returns the decision evaluate returns, with every rule json-rules-engine ran', async () => {
    const record = seedCustomer({ score: 64, balance: 20 });
    const traced = await trace(policy, record);
    const evaluated = evaluate(policy, record);
    if (!traced.ok || !evaluated.ok) throw new Error('valid record refused');
    expect(traced.decision).toEqual(evaluated.decision);
    expect(traced.trace.map((rule) => `${rule.stage} ${rule.path} ${rule.result}`)).toEqual([
      'scorecard /grading/scorecard/0/points/bands/0 false',
      'scorecard /grading/scorecard/0/points/bands/1 false',
      'scorecard /grading/scorecard/0/points/bands/2 true',
      'tier /grading/tiers/0 false',
      'tier /grading/tiers/1 true',
      'tier /grading/tiers/2 true',
      'treatment /treatments/0 false',
      'treatment /treatments/1 true',
      'treatment /treatments/2 false',
      'treatment /treatments/3 false',
      'treatment /treatments/4 false',
      'treatment /treatments/5 false',
    ]);
  });

  it('shows each condition with the fact value it saw', async () => {
    const traced = await trace(policy, seedCustomer({ score: 64 }));
    if (!traced.ok) throw new Error('valid record refused');
    const tierA = traced.trace.find((rule) => rule.path === '/grading/tiers/0');
    expect(tierA?.conditions).toEqual([
      {
        path: '/grading/tiers/0/conditions/all/0',
        fact: 'score',
        operator: 'greaterThanInclusive',
        value: 75,
        factValue: 64,
        result: false,
      },
    ]);
  });

  it('reports invalid records like evaluate does', async () => {
    const traced = await trace(policy, { customerId: 'x', nature: 'ngo' });
    expect(traced.ok).toBe(false);
    if (!traced.ok) expect(traced.errors.map((error) => error.path)).toContain('/nature');
  });
});
