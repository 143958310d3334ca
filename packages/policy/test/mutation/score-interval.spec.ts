import { describe, expect, it } from 'vitest';
import { coveredBy, describe as describeInterval, intersect, scoreInterval, type Interval } from '../../src/lint/score-interval.js';
import { all, factCondition } from '../../src/testing/policy-factory.js';

// [a, b] closed, (a, b) open, as the lint reads tier thresholds.
const span = (text: string): Interval => {
  const match = /^([[(])(-?[\d.]+|-inf), *(-?[\d.]+|inf)([\])])$/.exec(text)!;
  const bound = (s: string) => (s === 'inf' ? Infinity : s === '-inf' ? -Infinity : Number(s));
  return { low: bound(match[2]!), lowOpen: match[1] === '(', high: bound(match[3]!), highOpen: match[4] === ')' };
};

describe('score intervals', () => {
  it.each([
    ['greaterThan', '(5, inf]'],
    ['greaterThanInclusive', '[5, inf]'],
    ['lessThan', '[-inf, 5)'],
    ['lessThanInclusive', '[-inf, 5]'],
    ['equal', '[5, 5]'],
  ])('reads score %s 5 as %s', (operator, expected) => {
    expect(scoreInterval(all(factCondition('score', operator, 5)))).toEqual(span(expected));
  });

  it('joins the parts of an all, and reads nothing into other operators or facts', () => {
    expect(scoreInterval(all(factCondition('score', 'greaterThan', 5), factCondition('score', 'lessThanInclusive', 9)))).toEqual(
      span('(5, 9]'),
    );
    expect(scoreInterval(factCondition('score', 'lessThan', 3))).toEqual(span('[-inf, 3)'));
    expect(scoreInterval(all(factCondition('score', 'notEqual', 5)))).toBeUndefined();
    expect(scoreInterval(all(factCondition('a', 'equal', 5)))).toBeUndefined();
  });

  it('intersects by the higher low end and the lower high end, open if either is open where they meet', () => {
    expect(intersect(span('[5, 9]'), span('[3, 7)'))).toEqual(span('[5, 7)'));
    expect(intersect(span('[3, 7)'), span('(5, 9]'))).toEqual(span('(5, 7)'));
    expect(intersect(span('[5, 9)'), span('(5, 9]'))).toEqual(span('(5, 9)'));
    expect(intersect(span('(5, 9]'), span('[5, 9)'))).toEqual(span('(5, 9)'));
    expect(intersect(span('[5, 9]'), span('[5, 9]'))).toEqual(span('[5, 9]'));
  });

  it.each([
    ['[0, 5)', '[5, 10]', true],
    ['[0, 5)', '(5, 10]', false],
    ['[0, 5]', '(5, 10]', true],
    ['[5, 10]', '[0, 5)', true],
    ['[0, 5)', '[2, 5]', '(5, 10]', true],
    ['[0, 8]', '[2, 3]', '[8, 10]', true],
    ['[0, 10]', '[20, 30]', true],
    ['(0, 10]', '[0, 1]', true],
    ['[0, 1]', '(0, 10]', true],
    ['[1, 10]', false],
  ] as const)('covers [0, 10] with %s, %s ...: %s', (...cases) => {
    const expected = cases.at(-1) as boolean;
    const intervals = (cases.slice(0, -1) as string[]).map(span);
    expect(coveredBy(span('[0, 10]'), intervals)).toBe(expected);
  });

  it('covers an open end without reaching past it', () => {
    expect(coveredBy(span('[0, 5)'), [span('[0, 5)')])).toBe(true);
    expect(coveredBy(span('[0, 5]'), [span('[0, 5)')])).toBe(false);
    expect(coveredBy(span('(0, 5]'), [span('(0, 5]')])).toBe(true);
  });

  it('describes the finite ends', () => {
    expect(describeInterval(span('(5, 9]'))).toBe('score > 5 and <= 9');
    expect(describeInterval(span('[5, 9)'))).toBe('score >= 5 and < 9');
    expect(describeInterval(span('[-inf, 9)'))).toBe('score < 9');
  });
});
