import { describe, expect, it } from 'vitest';
import { compilePolicy, trace } from '../../src/index.js';
import { all, factCondition, not } from '../../src/testing/policy-factory.js';
import { conditionPolicy, customer } from './condition-policy.js';

describe('the trace of a tier', () => {
  it('shows a condition under not by its path, and the value another fact gave', async () => {
    const policy = compilePolicy(
      conditionPolicy(all(not(factCondition('region', 'equal', 'south')), factCondition('a', 'lessThan', { fact: 'b' }))),
    );
    const traced = await trace(policy, customer);
    if (!traced.ok) throw new Error('valid record refused');
    expect(traced.trace).toEqual([
      {
        stage: 'tier',
        path: '/grading/tiers/0',
        result: true,
        conditions: [
          {
            path: '/grading/tiers/0/conditions/all/0/not',
            fact: 'region',
            operator: 'equal',
            value: 'south',
            factValue: 'north',
            result: false,
          },
          { path: '/grading/tiers/0/conditions/all/1', fact: 'a', operator: 'lessThan', value: 20, factValue: 10, result: true },
        ],
      },
      { stage: 'tier', path: '/grading/tiers/1', result: true, conditions: [] },
    ]);
  });
});
