import { describe, expect, it } from 'vitest';
import type { TopLevelCondition } from '../../src/index.js';
import { all, any, factCondition, not } from '../../src/testing/policy-factory.js';
import { conditionPolicy, customer, type ConditionCustomer } from './condition-policy.js';
import { decide } from './decide.js';

// The first explanation line says why the tier's conditions held, in an agent's words.
async function explain(conditions: TopLevelCondition, changes: Partial<ConditionCustomer> = {}): Promise<string> {
  const decision = await decide(conditionPolicy(conditions), { ...customer, ...changes });
  expect(decision.tier).toBe('yes');
  return decision.explanation[0]!.replace(/: tier yes \(tier yes\)$/, '');
}

describe('why a tier condition held', () => {
  it.each([
    ['equal', 10, 'a is 10'],
    ['notEqual', 11, 'a is not 11'],
    ['lessThan', 11, 'a 10 < 11'],
    ['lessThanInclusive', 10, 'a 10 <= 10'],
    ['greaterThan', 9, 'a 10 > 9'],
    ['greaterThanInclusive', 10, 'a 10 >= 10'],
    ['in', [10, 12], 'a is one of 10, 12'],
    ['notIn', [11, 12.345], 'a is none of 11, 12.35'],
  ] as const)('a %s %j reads "%s"', async (operator, value, expected) => {
    expect(await explain(all(factCondition('a', operator, value as number)))).toBe(expected);
  });

  it('names the other fact and its value for a fact reference', async () => {
    expect(await explain(all(factCondition('a', 'lessThan', { fact: 'b' })))).toBe('a 10 < b (20)');
    expect(await explain(all(factCondition('a', 'notEqual', { fact: 'b' })))).toBe('a is not b (20)');
  });

  it('joins the parts of an all with "and", and shows fractions to two places', async () => {
    const condition = all(factCondition('a', 'greaterThan', 1.5), factCondition('region', 'equal', 'north'));
    expect(await explain(condition, { a: 2.345 })).toBe('a 2.35 > 1.5 and region is north');
  });

  it('names only the branch of an any that held', async () => {
    const condition = any(factCondition('a', 'equal', 99), factCondition('b', 'greaterThan', 5));
    expect(await explain(condition)).toBe('b 20 > 5');
  });

  it('says nothing for an any of nothing', async () => {
    const decision = await decide(conditionPolicy(any()), customer);
    expect(decision.explanation[0]).toBe(': tier yes (tier yes)');
  });

  it('says "not (...)" with the fact condition that did not hold, or of a group that did not', async () => {
    expect(await explain(all(not(factCondition('blacklisted', 'equal', true))))).toBe('not (blacklisted is true)');
    expect(await explain(all(not(factCondition('a', 'greaterThan', 50))))).toBe('not (a 10 > 50)');
    expect(await explain(all(not(any(factCondition('a', 'equal', 1)))))).toBe('not (the inner conditions)');
  });

  it('shows an absent fact as unknown', async () => {
    expect(await explain(all(factCondition('note', 'notEqual', 5)))).toBe('note is not 5');
    expect(await explain(all(factCondition('a', 'notEqual', { fact: 'note' })))).toBe('a is not note (unknown)');
  });
});
