import { describe, expect, it } from 'vitest';
import type { TopLevelCondition } from '../../src/index.js';
import { all, any, factCondition, not } from '../../src/testing/policy-factory.js';
import { conditionPolicy, customer, type ConditionCustomer } from './condition-policy.js';
import { decide } from './decide.js';

async function holds(conditions: TopLevelCondition, changes: Partial<ConditionCustomer> = {}): Promise<boolean> {
  const decision = await decide(conditionPolicy(conditions), { ...customer, ...changes });
  return decision.tier === 'yes';
}

describe('conditions', () => {
  it('notIn holds for a value outside the list and not for one inside it', async () => {
    const condition = all(factCondition('region', 'notIn', ['south', 'east']));
    expect(await holds(condition, { region: 'north' })).toBe(true);
    expect(await holds(condition, { region: 'east' })).toBe(false);
    expect(await holds(condition, { region: 'south' })).toBe(false);
  });

  it('in holds for a value inside the list and not for one outside it', async () => {
    const condition = all(factCondition('region', 'in', ['south', 'east']));
    expect(await holds(condition, { region: 'south' })).toBe(true);
    expect(await holds(condition, { region: 'north' })).toBe(false);
  });

  it('not inverts its condition', async () => {
    const condition = all(not(factCondition('blacklisted', 'equal', true)));
    expect(await holds(condition, { blacklisted: false })).toBe(true);
    expect(await holds(condition, { blacklisted: true })).toBe(false);
  });

  it('not of a group inverts the whole group', async () => {
    const condition = all(not(any(factCondition('blacklisted', 'equal', true), factCondition('a', 'greaterThan', 50))));
    expect(await holds(condition, { blacklisted: false, a: 10 })).toBe(true);
    expect(await holds(condition, { blacklisted: false, a: 60 })).toBe(false);
  });

  it('notEqual against another fact holds when the facts differ and not when they are equal', async () => {
    const condition = all(factCondition('a', 'notEqual', { fact: 'b' }));
    expect(await holds(condition, { a: 10, b: 20 })).toBe(true);
    expect(await holds(condition, { a: 20, b: 20 })).toBe(false);
  });

  it('equal against another fact holds when the facts are equal and not when they differ', async () => {
    const condition = all(factCondition('a', 'equal', { fact: 'b' }));
    expect(await holds(condition, { a: 20, b: 20 })).toBe(true);
    expect(await holds(condition, { a: 10, b: 20 })).toBe(false);
  });

  it('an empty any holds, as an empty all does (json-rules-engine: a group of nothing is true)', async () => {
    expect(await holds(any())).toBe(true);
    expect(await holds(all())).toBe(true);
    expect(await holds(all(any(), factCondition('a', 'equal', 10)))).toBe(true);
  });

  it('any holds when one branch holds, and not when none does', async () => {
    const condition = any(factCondition('a', 'equal', 99), factCondition('b', 'equal', 20), factCondition('a', 'equal', 98));
    expect(await holds(condition)).toBe(true);
    expect(await holds(condition, { b: 21 })).toBe(false);
  });

  it('all needs every part to hold', async () => {
    const condition = all(factCondition('a', 'equal', 10), factCondition('b', 'equal', 20), factCondition('region', 'equal', 'north'));
    expect(await holds(condition)).toBe(true);
    expect(await holds(condition, { region: 'south' })).toBe(false);
    expect(await holds(condition, { a: 11 })).toBe(false);
  });

  it.each([
    ['lessThan', 10, false],
    ['lessThan', 11, true],
    ['lessThanInclusive', 10, true],
    ['lessThanInclusive', 9, false],
    ['greaterThan', 10, false],
    ['greaterThan', 9, true],
    ['greaterThanInclusive', 10, true],
    ['greaterThanInclusive', 11, false],
    ['equal', 10, true],
    ['equal', 11, false],
    ['notEqual', 10, false],
    ['notEqual', 11, true],
  ] as const)('a = 10: a %s %s is %s', async (operator, value, expected) => {
    expect(await holds(all(factCondition('a', operator, value)))).toBe(expected);
  });

  it.each([
    ['lessThan', false],
    ['lessThanInclusive', true],
    ['greaterThan', false],
    ['greaterThanInclusive', true],
  ] as const)('a fact compared with another fact of the same value: %s is %s', async (operator, expected) => {
    expect(await holds(all(factCondition('a', operator, { fact: 'b' })), { a: 20, b: 20 })).toBe(expected);
  });

  it('compares a date fact with a date as the instant it names', async () => {
    const onOrAfter = all(factCondition('since', 'greaterThanInclusive', '2021-01-01'));
    expect(await holds(onOrAfter, { since: '2021-01-01' })).toBe(true);
    expect(await holds(onOrAfter, { since: '2020-12-31T23:59:59Z' })).toBe(false);
    const listed = all(factCondition('since', 'in', ['2021-01-01', '2022-01-01']));
    expect(await holds(listed, { since: '2022-01-01T00:00:00Z' })).toBe(true);
    expect(await holds(listed, { since: '2022-01-02' })).toBe(false);
    const nested = any(not(all(factCondition('since', 'lessThan', '2021-01-01'))));
    expect(await holds(nested, { since: '2021-06-01' })).toBe(true);
    expect(await holds(nested, { since: '2020-06-01' })).toBe(false);
  });

  it('leaves a text fact that looks like a date as text', async () => {
    const condition = all(factCondition('code', 'equal', '2021-01-01'));
    expect(await holds(condition, { code: '2021-01-01' })).toBe(true);
    expect(await holds(condition, { code: '2021-01-02' })).toBe(false);
  });

  it('holds no numeric comparison for an absent fact', async () => {
    for (const operator of ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']) {
      expect(await holds(all(factCondition('note', operator, 5)))).toBe(false);
      expect(await holds(all(factCondition('note', operator, { fact: 'a' })))).toBe(false);
    }
    expect(await holds(all(factCondition('note', 'notEqual', 5)))).toBe(true);
  });
});
