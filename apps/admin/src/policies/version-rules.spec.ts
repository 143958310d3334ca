import { describe, expect, it } from 'vitest';
import { describeRule } from './describe-rule';
import type { PolicyDocument } from './policy-types';
import { canBePublished, canBeRolledBackTo, defaultComparand, shortHash } from './version-rules';

describe('version rules', () => {
  it('publishes only a draft without lint errors', () => {
    expect(canBePublished({ status: 'draft', lint: { errors: 0, warnings: 2 } })).toBe(true);
    expect(canBePublished({ status: 'draft', lint: { errors: 1, warnings: 0 } })).toBe(false);
    expect(canBePublished({ status: 'superseded', lint: { errors: 0, warnings: 0 } })).toBe(false);
  });

  it('rolls back to a released version other than the one in force', () => {
    const inForce = { publishedVersion: 3, publishedHash: 'sha256:c' };
    expect(canBeRolledBackTo({ status: 'superseded', version: 1, hash: 'sha256:a' }, inForce)).toBe(true);
    expect(canBeRolledBackTo({ status: 'published', version: 3, hash: 'sha256:c' }, inForce)).toBe(false);
    expect(canBeRolledBackTo({ status: 'draft', version: 4, hash: null }, inForce)).toBe(false);
    expect(canBeRolledBackTo({ status: 'discarded', version: 2, hash: null }, inForce)).toBe(false);
  });

  it('offers no rollback to a version whose rules are in force already (the copy a rollback published)', () => {
    expect(
      canBeRolledBackTo({ status: 'superseded', version: 1, hash: 'sha256:a' }, { publishedVersion: 4, publishedHash: 'sha256:a' }),
    ).toBe(false);
  });

  it('compares against the version in force, else the previous one', () => {
    expect(defaultComparand(4, { publishedVersion: 2 })).toBe(2);
    expect(defaultComparand(2, { publishedVersion: 2 })).toBe(1);
    expect(defaultComparand(1, { publishedVersion: 1 })).toBeUndefined();
    expect(defaultComparand(1, { publishedVersion: null })).toBeUndefined();
  });

  it('shortens a hash to its algorithm and twelve digits', () => {
    expect(shortHash(`sha256:${'ab'.repeat(32)}`)).toBe('sha256:abababababab…');
    expect(shortHash('0123456789abcdef')).toBe('0123456789ab…');
  });
});

describe('describeRule', () => {
  const document: Partial<PolicyDocument> = {
    grading: {
      scorecard: [
        { id: 'nature', label: { en: 'Nature' }, max: 15, points: { fact: 'nature', bands: [{ values: ['soe'], points: 15 }] } },
        {
          id: 'credit',
          label: { en: 'Credit' },
          max: 10,
          points: { rules: [{ id: 'on-time', points: 10, conditions: { all: [] } }] },
        },
      ],
      tiers: [{ id: 'A', label: { en: 'key customer' } }],
    },
    treatments: [{ id: 'vip', label: { en: 'VIP' }, priority: 1, conditions: { all: [] }, treatments: [], explanation: '' }],
  };

  it('names the tier, band, points rule or treatment rule a trace path points at', () => {
    expect(describeRule('/grading/tiers/0', document)).toEqual({ kind: 'tier', tier: 'A' });
    expect(describeRule('/grading/scorecard/0/points/bands/0', document)).toEqual({
      kind: 'band',
      criterion: 'nature',
      band: 1,
      points: 15,
    });
    expect(describeRule('/grading/scorecard/1/points/rules/0', document)).toEqual({
      kind: 'points-rule',
      criterion: 'credit',
      rule: 'on-time',
      points: 10,
    });
    expect(describeRule('/treatments/0', document)).toEqual({ kind: 'treatment', rule: 'vip' });
    expect(describeRule('/treatments/9', document)).toEqual({ kind: 'unknown', path: '/treatments/9' });
  });
});
