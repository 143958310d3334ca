import { describe, expect, it } from 'vitest';
import { gradingInputs, sameStanding } from './grading-inputs.js';

describe('gradingInputs', () => {
  it('keeps only what the evaluation is given, and the tier set by hand as evaluation takes it', () => {
    expect(gradingInputs('2026-03-01T00:00:00.000Z', null, null, undefined)).toEqual({ at: '2026-03-01T00:00:00.000Z' });
    const standing = { tier: 'A', since: '2026-01-01T00:00:00.000Z', below: null };
    const stored = { tier: 'C', reason: 'closing', by: 'user:alice', at: '2026-02-01T00:00:00.000Z' };
    expect(gradingInputs('2026-03-01T00:00:00.000Z', standing, stored, { profitRank: 3 })).toEqual({
      at: '2026-03-01T00:00:00.000Z',
      standing,
      tierOverride: { tier: 'C', reason: 'closing' },
      populationFacts: { profitRank: 3 },
    });
  });
});

describe('sameStanding', () => {
  const since = '2026-01-01T00:00:00.000Z';
  it('compares by value, whatever the key order or a missing below', () => {
    expect(sameStanding({ tier: 'A', since, below: null }, { below: null, since, tier: 'A' })).toBe(true);
    expect(sameStanding({ tier: 'A', since }, { tier: 'A', since, below: null })).toBe(true);
    expect(sameStanding(null, undefined)).toBe(true);
  });

  it('tells apart another tier, time or count, and none from one', () => {
    const base = { tier: 'A', since, below: { count: 1, since } };
    expect(sameStanding(base, { ...base, tier: 'B' })).toBe(false);
    expect(sameStanding(base, { ...base, since: '2026-01-02T00:00:00.000Z' })).toBe(false);
    expect(sameStanding(base, { ...base, below: { count: 2, since } })).toBe(false);
    expect(sameStanding(base, { ...base, below: null })).toBe(false);
    expect(sameStanding(null, base)).toBe(false);
  });
});
