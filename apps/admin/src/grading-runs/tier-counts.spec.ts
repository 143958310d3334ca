import { describe, expect, it } from 'vitest';
import { signed, tierCountRows } from './tier-counts';

describe('customers per tier before and after', () => {
  it('has a row per tier seen on either side, in tier order, with the difference', () => {
    expect(tierCountRows({ before: { A: 5, B: 2, C: 2, none: 1 }, after: { A: 3, B: 5, C: 2 } }, ['A', 'B', 'C'])).toEqual([
      { tier: 'A', before: 5, after: 3, delta: -2 },
      { tier: 'B', before: 2, after: 5, delta: 3 },
      { tier: 'C', before: 2, after: 2, delta: 0 },
      { tier: 'none', before: 1, after: 0, delta: -1 },
    ]);
  });
});

describe('a signed number', () => {
  it('says plus or minus (a true minus sign), and no sign for zero', () => {
    expect([signed(3), signed(-2), signed(0)]).toEqual(['+3', '−2', '0']);
  });

  it('formats the absolute value as told', () => {
    expect(signed(-1240, (value) => `HKD ${value.toLocaleString('en')}`)).toBe('−HKD 1,240');
  });
});
