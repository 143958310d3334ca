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
});
