import { describe, expect, it } from 'vitest';
import { changesBetween, customerChanges } from './audit-changes.js';

describe('changesBetween', () => {
  it('keeps only the keys whose value moved, with before and after', () => {
    expect(changesBetween({ a: 1, b: { x: [1] }, c: 'same' }, { a: 2, b: { x: [1] }, c: 'same' })).toEqual({ a: { before: 1, after: 2 } });
  });

  it('tells a key given or dropped (no before / no after) from a null', () => {
    expect(changesBetween({ gone: 1, nulled: 1 }, { added: 0, nulled: null })).toEqual({
      gone: { before: 1 },
      nulled: { before: 1, after: null },
      added: { after: 0 },
    });
  });
});

describe('customerChanges', () => {
  it('compares name and phone as values and facts key by key', () => {
    const before = { name: 'Acme', phone: null, facts: { strength: 10, growth: 5 } };
    expect(customerChanges(before, { name: 'Acme', phone: '+8613800000000', facts: { strength: 12, growth: 5 } })).toEqual({
      phone: { before: null, after: '+8613800000000' },
      facts: { strength: { before: 10, after: 12 } },
    });
    expect(customerChanges(before, before)).toEqual({});
  });
});
