import { describe, expect, it } from 'vitest';
import { all, any, factCondition } from '../testing/policy-factory.js';
import { closed, coveredBy, describe as describeInterval, intersect, isEmpty, scoreInterval, type Interval } from './score-interval.js';

function interval(low: number, high: number, open: { low?: boolean; high?: boolean } = {}): Interval {
  return { low, lowOpen: open.low ?? false, high, highOpen: open.high ?? false };
}

describe('scoreInterval', () => {
  it('reads score thresholds joined by all', () => {
    const condition = all(factCondition('score', 'greaterThan', 40), factCondition('score', 'lessThanInclusive', 60));

    expect(scoreInterval(condition)).toEqual(interval(40, 60, { low: true }));
  });

  it('reads equal as a single score', () => {
    expect(scoreInterval(all(factCondition('score', 'equal', 7)))).toEqual(interval(7, 7));
  });

  it.each([
    ['any', any(factCondition('score', 'greaterThan', 40))],
    ['another fact', all(factCondition('revenue', 'greaterThan', 40))],
    ['notEqual', all(factCondition('score', 'notEqual', 40))],
    ['a fact reference', all(factCondition('score', 'greaterThan', { fact: 'revenue' }))],
  ])('gives up on %s', (_name, condition) => {
    expect(scoreInterval(condition)).toBeUndefined();
  });
});

describe('interval arithmetic', () => {
  it('keeps the tighter, open end when intersecting', () => {
    expect(intersect(interval(0, 10), interval(0, 5, { low: true, high: true }))).toEqual(interval(0, 5, { low: true, high: true }));
  });

  it('knows a point with an open end is empty', () => {
    expect(isEmpty(interval(5, 5))).toBe(false);
    expect(isEmpty(interval(5, 5, { high: true }))).toBe(true);
    expect(isEmpty(interval(6, 5))).toBe(true);
  });

  it('covers a range with touching closed and open ends', () => {
    const below = interval(-Infinity, 60, { high: true });
    const from = interval(60, Infinity);

    expect(coveredBy(closed({ min: 0, max: 100 }), [from, below])).toBe(true);
  });

  it('leaves a score uncovered where two open ends meet', () => {
    const below = interval(-Infinity, 60, { high: true });
    const above = interval(60, Infinity, { low: true });

    expect(coveredBy(closed({ min: 0, max: 100 }), [below, above])).toBe(false);
  });

  it('is not covered by nothing', () => {
    expect(coveredBy(interval(0, 1), [])).toBe(false);
  });

  it('describes an interval in score terms', () => {
    expect(describeInterval(interval(40, 60, { low: true }))).toBe('score > 40 and <= 60');
    expect(describeInterval(interval(75, Infinity))).toBe('score >= 75');
  });
});
