import { describe, expect, it } from 'vitest';
import { all, factCondition, policyFactory, treatmentRuleFactory } from '../testing/policy-factory.js';
import { lintPolicy } from './lint-policy.js';

const FEE = treatmentRuleFactory({
  id: 'small-fee',
  conditions: all(factCondition('tier', 'equal', 'B'), factCondition('revenue', 'lessThan', 2)),
  treatments: [{ type: 'fee', params: { amount: 40 } }],
  explanation: 'small tier B account: monthly fee',
});

describe('treatment lint', () => {
  it('accepts rules on known tiers that suppress known types', () => {
    const document = policyFactory({ treatments: [treatmentRuleFactory({ suppress: ['fee'] }), FEE] });

    expect(lintPolicy(document)).toEqual([]);
  });

  it("accepts suppressing everything with '*'", () => {
    expect(lintPolicy(policyFactory({ treatments: [treatmentRuleFactory({ suppress: ['*'] })] }))).toEqual([]);
  });

  it('warns about suppressing a type no rule gives', () => {
    const document = policyFactory({ treatments: [treatmentRuleFactory({ suppress: ['*', 'blacklist'] }), FEE] });

    expect(lintPolicy(document)).toEqual([
      {
        severity: 'warning',
        code: 'unknown-treatment-type',
        path: '/treatments/0/suppress/1',
        message: "rule 'a-service' suppresses 'blacklist', which no rule gives; known types: queue, fee",
      },
    ]);
  });

  it('flags a condition on a tier the policy does not define', () => {
    const document = policyFactory({
      treatments: [treatmentRuleFactory(), { ...FEE, conditions: all(factCondition('tier', 'equal', 'D')) }],
    });

    expect(lintPolicy(document)).toEqual([
      {
        severity: 'error',
        code: 'unknown-tier',
        path: '/treatments/1/conditions/all/0/value',
        message: "'D' is not a known tier; known: A, B",
      },
    ]);
  });

  it('checks the conditions of every rule, not just the first', () => {
    const document = policyFactory({
      treatments: [treatmentRuleFactory(), { ...FEE, conditions: all(factCondition('balance', 'lessThan', 2)) }],
    });

    expect(lintPolicy(document)).toEqual([
      expect.objectContaining({ severity: 'error', code: 'unknown-fact', path: '/treatments/1/conditions/all/0/fact' }),
    ]);
  });
});
