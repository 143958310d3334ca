import { describe, expect, it } from 'vitest';
import { DomainException } from '../../common/domain.exception.js';
import { parseAsOfQuery } from './as-of-query.input.js';

function refusal(query: Record<string, unknown>): DomainException {
  try {
    parseAsOfQuery(query);
  } catch (error) {
    if (error instanceof DomainException) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(query)}`);
}

describe('parseAsOfQuery', () => {
  it('reads nothing as "now"', () => {
    expect(parseAsOfQuery({})).toBeUndefined();
  });

  it('reads a date-time with its offset, to the millisecond', () => {
    expect(parseAsOfQuery({ asOf: '2026-03-01T09:30:00.123Z' })?.toISOString()).toBe('2026-03-01T09:30:00.123Z');
    expect(parseAsOfQuery({ asOf: '2026-03-01T17:30+08:00' })?.toISOString()).toBe('2026-03-01T09:30:00.000Z');
    // A + sent raw in the query string arrives as a space.
    expect(parseAsOfQuery({ asOf: '2026-03-01T17:30:00 08:00' })?.toISOString()).toBe('2026-03-01T09:30:00.000Z');
    // Past midnight in its own zone, the day before in UTC: the date written is the zone's.
    expect(parseAsOfQuery({ asOf: '2026-03-01T01:00:00+08:00' })?.toISOString()).toBe('2026-02-28T17:00:00.000Z');
  });

  it.each(['yesterday', '2026-03-01', '2026-03-01T09:30:00', '2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', ''])('refuses %j', (asOf) => {
    const error = refusal({ asOf });
    expect(error.errors.map((e) => e.path)).toEqual(['/query/asOf']);
    expect(error.errors[0]!.message).toMatch(/^asOf must be a date-time with its offset/);
  });

  it('refuses a list and any other parameter', () => {
    expect(refusal({ asOf: ['2026-03-01T09:30:00Z', '2026-03-02T09:30:00Z'] }).errors.map((e) => e.path)).toEqual(['/query/asOf']);
    expect(refusal({ asOf: '2026-03-01T09:30:00Z', at: 'now' }).errors.map((e) => e.path)).toEqual(['/query/at']);
  });
});
