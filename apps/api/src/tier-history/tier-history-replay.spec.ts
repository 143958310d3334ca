import type { Decision, ProtectionHeld } from '@tierwise/policy';
import { describe, expect, it } from 'vitest';
import { replayOf } from './tier-history-replay.js';

const held: ProtectionHeld = { ruledTier: 'C', keptTier: 'B', reason: 'one tier at a time' };

function decisionOf(tier: string, score: number, protection?: ProtectionHeld): Decision {
  return {
    customerId: 'C-1',
    tier,
    score,
    breakdown: [],
    treatments: {},
    explanation: [],
    policy: { id: 'default', version: 1, hash: 'sha256:x' },
    ...(protection ? { protection } : {}),
  };
}

describe('replayOf', () => {
  it('is identical when tier, score and protection are the stored ones (protection compared by value)', () => {
    const stored = { newTier: 'B', score: 30, protection: { reason: 'one tier at a time', keptTier: 'B', ruledTier: 'C' } };
    const replay = replayOf(stored, { ok: true, decision: decisionOf('B', 30, held) });
    expect(replay).toMatchObject({
      identical: true,
      stored: { tier: 'B', score: 30 },
      replayed: { tier: 'B', score: 30, protection: held },
    });
    expect(replay.replayed.decision?.customerId).toBe('C-1');
    expect(replayOf({ newTier: 'A', score: 90, protection: null }, { ok: true, decision: decisionOf('A', 90) }).identical).toBe(true);
  });

  it.each([
    ['another tier', { newTier: 'A', score: 30, protection: held }],
    ['another score', { newTier: 'B', score: 31, protection: held }],
    ['no protection', { newTier: 'B', score: 30, protection: null }],
    ['another protection', { newTier: 'B', score: 30, protection: { ...held, reason: 'grace 1 of 2' } }],
  ])('is not identical with %s', (_, stored) => {
    expect(replayOf(stored, { ok: true, decision: decisionOf('B', 30, held) }).identical).toBe(false);
  });

  it('is not identical when the row cannot be evaluated, and says why', () => {
    const errors = [{ path: '/annualProfit', message: 'is required' }];
    const replay = replayOf({ newTier: 'B', score: 30, protection: null }, { ok: false, customerId: 'C-1', errors });
    expect(replay).toEqual({
      identical: false,
      stored: { tier: 'B', score: 30, protection: null },
      replayed: { tier: null, score: null, protection: null, errors },
    });
  });
});
