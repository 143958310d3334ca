import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, trace } from '../../src/index.js';
import { policyFactory } from '../../src/testing/policy-factory.js';

const policy = compilePolicy(policyFactory());

describe('customerId', () => {
  it.each([
    ['', '""', ''],
    [42, '42', '42'],
    [null, 'null', null],
    [false, 'false', 'false'],
  ])('refuses %j, naming it, in both evaluators', async (customerId, shown, reported) => {
    const expected = {
      ok: false,
      customerId: reported,
      errors: [{ path: '/customerId', message: `customerId must be non-empty text, not ${shown}` }],
    };
    expect(evaluate(policy, { customerId, revenue: 5 })).toEqual(expected);
    expect(await trace(policy, { customerId, revenue: 5 })).toEqual(expected);
  });

  it('is reported first, together with the record’s other errors', () => {
    expect(evaluate(policy, { customerId: '', revenue: 11 })).toEqual({
      ok: false,
      customerId: '',
      errors: [
        { path: '/customerId', message: 'customerId must be non-empty text, not ""' },
        { path: '/revenue', message: expect.stringContaining("'revenue'") as string },
      ],
    });
  });

  it('is carried into the decision, and null when the record has none', () => {
    expect(evaluate(policy, { customerId: 'c-1', revenue: 5 })).toMatchObject({ ok: true, decision: { customerId: 'c-1', tier: 'A' } });
    expect(evaluate(policy, { revenue: 4 })).toMatchObject({ ok: true, decision: { customerId: null, tier: 'B' } });
  });

  it('is null for a record that is not an object', () => {
    expect(evaluate(policy, 'c-1')).toEqual({
      ok: false,
      customerId: null,
      errors: [{ path: '', message: 'a customer record must be an object of facts' }],
    });
  });
});
