import { describe, expect, it } from 'vitest';
import type { DowngradeProtection } from '../document.js';
import { policyFactory, setAt, tierFactory } from '../testing/policy-factory.js';
import { lintPolicy } from './lint-policy.js';

/** The test policy (tiers A from score 5, then B) with downgrade protection as given. */
function protectedPolicy(protection: unknown) {
  return setAt(policyFactory(), '/grading/downgradeProtection', protection);
}

const AT = '/grading/downgradeProtection';

describe('downgrade protection lint', () => {
  it.each<DowngradeProtection>([
    { gradings: 2 },
    { days: 30 },
    { gradings: 2, days: 60, minimumDaysInTier: 90 },
    { gradings: 3, ranking: ['A', 'B'] },
    { days: 0, minimumDaysInTier: 30 },
    { gradings: 1, minimumDaysInTier: 30 },
    { days: 14.5, minimumDaysInTier: 0.5 },
  ])('accepts %j', (protection) => {
    expect(lintPolicy(protectedPolicy(protection))).toEqual([]);
  });

  it('asks for gradings or days', () => {
    expect(lintPolicy(protectedPolicy({ minimumDaysInTier: 90 }))).toEqual([
      {
        severity: 'error',
        code: 'no-downgrade-limit',
        path: AT,
        message:
          "downgrade protection needs 'gradings' (consecutive gradings below its tier before a customer falls), 'days' (days below its tier before it falls), or both",
      },
    ]);
  });

  it('refuses a ranking naming a tier the policy does not have, and one that leaves tiers out', () => {
    const document = setAt(protectedPolicy({ gradings: 2, ranking: ['A', 'Z'] }), '/grading/tiers', [
      tierFactory('A', { all: [{ fact: 'score', operator: 'greaterThanInclusive', value: 8 }] }),
      tierFactory('B', { all: [{ fact: 'score', operator: 'greaterThanInclusive', value: 5 }] }),
      tierFactory('C'),
    ]);
    expect(lintPolicy(document)).toEqual([
      {
        severity: 'error',
        code: 'unknown-tier',
        path: `${AT}/ranking/1`,
        message: "the ranking names 'Z', which is not a tier; the tiers are A, B, C",
      },
      {
        severity: 'error',
        code: 'unranked-tier',
        path: `${AT}/ranking`,
        message: "the ranking leaves out tiers 'B', 'C': list every tier once, from best to worst",
      },
    ]);
  });

  it('refuses a tier ranked twice, an empty ranking and counts below their minimum through the schema', () => {
    expect(lintPolicy(protectedPolicy({ gradings: 2, ranking: ['A', 'B', 'A'] }))).toEqual([
      { severity: 'error', code: 'schema', path: `${AT}/ranking`, message: 'lists the same value twice (items 1 and 3)' },
    ]);
    expect(lintPolicy(protectedPolicy({ gradings: 0, days: -1, minimumDaysInTier: -5, ranking: [] }))).toEqual([
      { severity: 'error', code: 'schema', path: `${AT}/gradings`, message: 'must be at least 1' },
      { severity: 'error', code: 'schema', path: `${AT}/days`, message: 'must be at least 0' },
      { severity: 'error', code: 'schema', path: `${AT}/minimumDaysInTier`, message: 'must be at least 0' },
      { severity: 'error', code: 'schema', path: `${AT}/ranking`, message: 'needs at least 1 item(s)' },
    ]);
    expect(lintPolicy(protectedPolicy({ gradings: 1.5, grace: 2 }))).toEqual([
      { severity: 'error', code: 'schema', path: `${AT}/grace`, message: "'grace' is not a known property here" },
      { severity: 'error', code: 'schema', path: `${AT}/gradings`, message: 'must be an integer' },
    ]);
  });

  it('warns when a customer falls at its first grading below and nothing else holds it', () => {
    expect(lintPolicy(protectedPolicy({ gradings: 1 }))).toEqual([
      {
        severity: 'warning',
        code: 'no-downgrade-grace',
        path: `${AT}/gradings`,
        message:
          "a customer falls at its first grading below its tier (gradings 1) and no 'minimumDaysInTier' is set: protection only limits each fall to one tier",
      },
    ]);
    expect(lintPolicy(protectedPolicy({ days: 0 }))).toMatchObject([
      { severity: 'warning', code: 'no-downgrade-grace', path: `${AT}/days` },
    ]);
  });

  it('warns when a limit of no grace makes the other limit pointless', () => {
    expect(lintPolicy(protectedPolicy({ gradings: 1, days: 60, minimumDaysInTier: 90 }))).toEqual([
      {
        severity: 'warning',
        code: 'no-downgrade-grace',
        path: `${AT}/gradings`,
        message: "a customer falls at its first grading below its tier (gradings 1), so 'days' never holds one; remove one of the two",
      },
    ]);
    expect(lintPolicy(protectedPolicy({ gradings: 3, days: 0 }))).toEqual([
      {
        severity: 'warning',
        code: 'no-downgrade-grace',
        path: `${AT}/days`,
        message: "a customer falls at its first grading below its tier (days 0), so 'gradings' never holds one; remove one of the two",
      },
    ]);
  });
});
