import { describe, expect, it } from 'vitest';
import { recordCatalogue, type CatalogueFact } from '../catalogue.js';
import { factFactory, policyFactory } from '../testing/policy-factory.js';
import { checkFactValue, defaultProblem } from './fact-value.js';

const catalogue = recordCatalogue(
  policyFactory({
    facts: {
      amount: factFactory({ min: -5, max: 5 }),
      count: factFactory({ type: 'integer' }),
      since: factFactory({ type: 'date', min: '2020-01-01' }),
      flag: factFactory({ type: 'boolean' }),
    },
  }),
);

function fact(name: string): CatalogueFact {
  const found = catalogue.get(name);
  if (!found) throw new Error(`test catalogue has no fact '${name}'`);
  return found;
}

describe('checkFactValue', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY])('rejects %s as a number', (value) => {
    expect(checkFactValue(fact('amount'), value)).toEqual({ ok: false, message: `must be a number, not ${String(value)}` });
  });

  it('accepts a negative number inside the bounds', () => {
    expect(checkFactValue(fact('amount'), -4.5)).toEqual({ ok: true, value: -4.5 });
  });

  it('accepts any whole number for an unbounded integer', () => {
    expect(checkFactValue(fact('count'), -3)).toEqual({ ok: true, value: -3 });
  });

  it('normalises a timestamp with an offset to epoch milliseconds', () => {
    expect(checkFactValue(fact('since'), '2024-01-01T08:00+08:00')).toEqual({ ok: true, value: Date.UTC(2024, 0, 1) });
  });

  it('states a date bound as a date', () => {
    expect(checkFactValue(fact('since'), '2019-12-31')).toEqual({ ok: false, message: 'is "2019-12-31" but must be at least 2020-01-01' });
  });

  it('shows an absent value plainly', () => {
    expect(checkFactValue(fact('flag'), undefined)).toEqual({ ok: false, message: 'must be true or false, not undefined' });
  });
});

describe('defaultProblem', () => {
  it('is undefined for a default that fits', () => {
    expect(defaultProblem(fact('amount'), 0)).toBeUndefined();
  });

  it('says why a default does not fit', () => {
    expect(defaultProblem(fact('amount'), 6)).toBe('is 6 but must be at most 5');
  });
});
