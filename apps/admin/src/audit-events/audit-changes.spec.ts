import { describe, expect, it } from 'vitest';
import { displayValue, splitSummary } from './audit-changes';

describe('splitSummary', () => {
  it("lists a customer update's field and fact changes, absent sides kept absent, and the rest as details", () => {
    const parts = splitSummary({
      version: 3,
      tier: 'A',
      changes: {
        phone: { before: null, after: '+86 10 1234' },
        facts: { revenue: { before: 10, after: 12 }, vip: { after: true }, region: { before: 'north' } },
      },
    });
    expect(parts.changes).toEqual([
      { path: ['phone'], before: null, after: '+86 10 1234' },
      { path: ['facts', 'revenue'], before: 10, after: 12 },
      { path: ['facts', 'vip'], after: true },
      { path: ['facts', 'region'], before: 'north' },
    ]);
    expect(parts.changes[2]).not.toHaveProperty('before');
    expect(parts.details).toEqual([
      ['version', 3],
      ['tier', 'A'],
    ]);
  });

  it("reads a user update's role change and the fact of a password change", () => {
    expect(splitSummary({ changes: { role: { before: 'author', after: 'publisher' } }, passwordChanged: true })).toEqual({
      changes: [{ path: ['role'], before: 'author', after: 'publisher' }],
      details: [['passwordChanged', true]],
    });
  });

  it("reads a discarded draft's summary as one change of the whole record", () => {
    expect(splitSummary({ before: { status: 'draft' }, after: { status: 'discarded' } }).changes).toEqual([
      { path: [], before: { status: 'draft' }, after: { status: 'discarded' } },
    ]);
  });

  it('keeps a summary without changes as details only', () => {
    expect(splitSummary({ role: 'admin', clientAddress: '127.0.0.1' })).toEqual({
      changes: [],
      details: [
        ['role', 'admin'],
        ['clientAddress', '127.0.0.1'],
      ],
    });
  });
});

describe('displayValue', () => {
  it('shows text as is and anything else as JSON', () => {
    expect(displayValue('A')).toBe('A');
    expect(displayValue(null)).toBe('null');
    expect(displayValue({ tier: 'B' })).toBe('{"tier":"B"}');
  });
});
