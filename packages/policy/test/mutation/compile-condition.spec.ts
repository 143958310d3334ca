import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../src/compile/compile-condition.js';
import type { Scope } from '../../src/compile/scope.js';
import { all, any, factCondition } from '../../src/testing/policy-factory.js';

// The compiler on its own, fed scopes of the shape evaluation builds: facts, and
// each criterion's points under 'points'. Policies reach it only after lint, so
// the guards for what lint refuses are pinned here.
const scope: Scope = { a: 10, b: 20, region: 'north', points: { growth: 10, size: 4 } };

function holds(condition: Parameters<typeof compileCondition>[0], on: Scope = scope): boolean {
  return compileCondition(condition)(on);
}

const growth = { path: '$.growth' };

describe('compileCondition', () => {
  it.each([
    ['equal', 10, true],
    ['equal', 9, false],
    ['notEqual', 10, false],
    ['notEqual', 9, true],
    ['lessThan', 10, false],
    ['lessThan', 11, true],
    ['lessThanInclusive', 10, true],
    ['lessThanInclusive', 9, false],
    ['greaterThan', 10, false],
    ['greaterThan', 9, true],
    ['greaterThanInclusive', 10, true],
    ['greaterThanInclusive', 11, false],
    ['in', [4, 10], true],
    ['in', [4, 11], false],
    ['notIn', [4, 10], false],
    ['notIn', [4, 11], true],
  ] as const)("reads a criterion's points by its path: points.growth (10) %s %j is %s", (operator, value, expected) => {
    expect(holds(factCondition('points', operator, value as number | number[], growth))).toBe(expected);
  });

  it.each([
    ['lessThan', 'b', true],
    ['lessThan', 'a', false],
    ['greaterThanInclusive', 'a', true],
    ['greaterThanInclusive', 'b', false],
    ['equal', 'a', true],
    ['notEqual', 'a', false],
  ] as const)("compares a criterion's points with another fact: points.growth (10) %s %s is %s", (operator, other, expected) => {
    expect(holds(factCondition('points', operator, { fact: other }, growth))).toBe(expected);
  });

  it('compares a fact with another fact by their values', () => {
    expect(holds(factCondition('a', 'lessThan', { fact: 'b' }))).toBe(true);
    expect(holds(factCondition('b', 'lessThan', { fact: 'a' }))).toBe(false);
    expect(holds(factCondition('a', 'equal', { fact: 'b' }), { a: 20, b: 20 })).toBe(true);
  });

  it('holds no numeric comparison for an absent fact, on either side', () => {
    for (const operator of ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']) {
      expect(holds(factCondition('missing', operator, 5))).toBe(false);
      expect(holds(factCondition('missing', operator, { fact: 'a' }))).toBe(false);
      expect(holds(factCondition('a', operator, { fact: 'missing' }))).toBe(false);
    }
  });

  it('all of one condition holds exactly when that condition does; so does any of one', () => {
    expect(holds(all(factCondition('a', 'equal', 10)))).toBe(true);
    expect(holds(all(factCondition('a', 'equal', 11)))).toBe(false);
    expect(holds(any(factCondition('a', 'equal', 10)))).toBe(true);
    expect(holds(any(factCondition('a', 'equal', 11)))).toBe(false);
  });

  it('refuses an operator lint would have refused, whatever the condition compares with', () => {
    const message = "operator 'between' reached the compiler unlinted";
    expect(() => compileCondition(factCondition('a', 'between', 5))).toThrow(message);
    expect(() => compileCondition(factCondition('a', 'between', { fact: 'b' }))).toThrow(message);
    expect(() => compileCondition(factCondition('points', 'between', 5, growth))).toThrow(message);
  });

  it('refuses in and notIn against another fact, which lint refuses', () => {
    expect(() => compileCondition(factCondition('region', 'in', { fact: 'b' }))).toThrow(
      "'in' with a fact reference reached the compiler unlinted",
    );
    expect(() => compileCondition(factCondition('region', 'notIn', { fact: 'b' }))).toThrow(
      "'notIn' with a fact reference reached the compiler unlinted",
    );
  });
});
