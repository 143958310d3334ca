import { describe, expect, it } from 'vitest';
import { DomainException } from '../../common/domain.exception.js';
import { parseTierOverride } from './tier-override.input.js';

function problems(work: () => unknown): { path: string; message: string }[] {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainException) return [...error.errors];
    throw error;
  }
  throw new Error('expected the input to be refused');
}

describe('tier override request body', () => {
  it('reads tier and reason, trimmed', () => {
    expect(parseTierOverride({ tier: ' A ', reason: '  strategic partner ' })).toEqual({ tier: 'A', reason: 'strategic partner' });
  });

  it('reports every problem at once', () => {
    expect(problems(() => parseTierOverride({ tier: 7, reason: ' ', by: 'x' })).map((problem) => problem.path)).toEqual([
      '/by',
      '/tier',
      '/reason',
    ]);
    expect(problems(() => parseTierOverride({ tier: '', reason: 'r'.repeat(501) })).map((problem) => problem.message)).toEqual([
      'tier must be 1 to 64 characters',
      'reason must be 1 to 500 characters',
    ]);
    expect(problems(() => parseTierOverride(['A']))).toEqual([
      { path: '', message: 'the body must be a JSON object with tier and reason' },
    ]);
    expect(problems(() => parseTierOverride(undefined))).toHaveLength(1);
  });

  it('takes a reason of exactly 500 characters', () => {
    expect(parseTierOverride({ tier: 'B', reason: 'r'.repeat(500) }).reason).toHaveLength(500);
  });

  it('takes an expiresAt in the future, with its offset, stored in UTC to the millisecond', () => {
    const now = Date.parse('2026-03-01T00:00:00Z');
    expect(parseTierOverride({ tier: 'A', reason: 'trial', expiresAt: '2026-03-31T23:59:59+08:00' }, now)).toEqual({
      tier: 'A',
      reason: 'trial',
      expiresAt: '2026-03-31T15:59:59.000Z',
    });
    // Null or absent: until cleared by hand, with no expiresAt at all.
    expect(parseTierOverride({ tier: 'A', reason: 'trial', expiresAt: null }, now)).toEqual({ tier: 'A', reason: 'trial' });
  });

  it('refuses an expiresAt that is not a date-time with an offset, or not in the future', () => {
    const now = Date.parse('2026-03-01T00:00:00Z');
    for (const expiresAt of ['2026-03-31', '2026-03-31T12:00:00', 'tomorrow', 1774915200000, '2026-02-30T25:00:00Z']) {
      expect(
        problems(() => parseTierOverride({ tier: 'A', reason: 'r', expiresAt }, now)),
        String(expiresAt),
      ).toEqual([
        {
          path: '/expiresAt',
          message:
            "expiresAt must be a date and time with its offset, e.g. '2027-06-30T23:59:59Z', or left out for an override until cleared",
        },
      ]);
    }
    expect(problems(() => parseTierOverride({ tier: 'A', reason: 'r', expiresAt: '2026-03-01T00:00:00Z' }, now))).toEqual([
      {
        path: '/expiresAt',
        message: 'expiresAt 2026-03-01T00:00:00.000Z is not in the future; an override must hold for some time after it is set',
      },
    ]);
  });
});
