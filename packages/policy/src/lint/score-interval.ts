import { SCORE_FACT, type Condition, type TopLevelCondition } from '../document.js';
import type { Range } from '../score-range.js';

/** A set of scores low..high, each end open (excluded) or closed. */
export interface Interval {
  low: number;
  lowOpen: boolean;
  high: number;
  highOpen: boolean;
}

export function closed(range: Range): Interval {
  return { low: range.min, lowOpen: false, high: range.max, highOpen: false };
}

/**
 * The scores a condition admits, when it is only comparisons of the score joined
 * by "all" (the common shape of tier thresholds). Anything else: undefined.
 */
export function scoreInterval(condition: TopLevelCondition | Condition): Interval | undefined {
  const parts = 'all' in condition ? condition.all : [condition];
  let interval: Interval = { low: -Infinity, lowOpen: false, high: Infinity, highOpen: false };
  for (const part of parts) {
    if (!('fact' in part) || part.fact !== SCORE_FACT || typeof part.value !== 'number') return undefined;
    const bound = comparisonInterval(part.operator, part.value);
    if (!bound) return undefined;
    interval = intersect(interval, bound);
  }
  return interval;
}

function comparisonInterval(operator: string, value: number): Interval | undefined {
  const all = { low: -Infinity, lowOpen: false, high: Infinity, highOpen: false };
  switch (operator) {
    case 'greaterThan':
      return { ...all, low: value, lowOpen: true };
    case 'greaterThanInclusive':
      return { ...all, low: value };
    case 'lessThan':
      return { ...all, high: value, highOpen: true };
    case 'lessThanInclusive':
      return { ...all, high: value };
    case 'equal':
      return { low: value, lowOpen: false, high: value, highOpen: false };
    default:
      return undefined;
  }
}

export function intersect(a: Interval, b: Interval): Interval {
  const low = a.low > b.low ? a : a.low < b.low ? b : { low: a.low, lowOpen: a.lowOpen || b.lowOpen };
  const high = a.high < b.high ? a : a.high > b.high ? b : { high: a.high, highOpen: a.highOpen || b.highOpen };
  return { low: low.low, lowOpen: low.lowOpen, high: high.high, highOpen: high.highOpen };
}

export function isEmpty(interval: Interval): boolean {
  return interval.low > interval.high || (interval.low === interval.high && (interval.lowOpen || interval.highOpen));
}

/** Whether every score in target lies in at least one of the intervals. */
export function coveredBy(target: Interval, intervals: readonly Interval[]): boolean {
  // Sweep a cursor (the smallest score not yet known to be covered) upwards.
  let at = target.low;
  let atExcluded = target.lowOpen;
  const passedEnd = () => at > target.high || (at === target.high && (atExcluded || target.highOpen));
  const sorted = [...intervals].sort((a, b) => a.low - b.low || Number(a.lowOpen) - Number(b.lowOpen));
  for (const interval of sorted) {
    if (passedEnd()) return true;
    const endsBefore = interval.high < at || (interval.high === at && (interval.highOpen || atExcluded));
    if (endsBefore) continue;
    const coversCursor = interval.low < at || (interval.low === at && (!interval.lowOpen || atExcluded));
    if (!coversCursor) return false;
    at = interval.high;
    atExcluded = !interval.highOpen;
  }
  return passedEnd();
}

export function describe(interval: Interval): string {
  const low = Number.isFinite(interval.low) ? `${interval.lowOpen ? '>' : '>='} ${interval.low}` : '';
  const high = Number.isFinite(interval.high) ? `${interval.highOpen ? '<' : '<='} ${interval.high}` : '';
  return ['score', [low, high].filter(Boolean).join(' and ')].join(' ');
}
