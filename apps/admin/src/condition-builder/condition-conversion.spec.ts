import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkSchema,
  OPERATORS,
  type AllCondition,
  type Condition,
  type FactCondition,
  type NotCondition,
  type TopLevelCondition,
} from '@tierwise/policy';
import { prepareRuleGroup } from 'react-querybuilder';
import { describe, expect, it } from 'vitest';
import { isPolicyRuleGroup, type PolicyRuleGroup } from './policy-query';
import { toConditions } from './to-conditions';
import { toRuleGroup } from './to-rule-group';

const RULES_DIR = fileURLToPath(new URL('../../../../rules', import.meta.url));

function roundTrip(condition: TopLevelCondition): TopLevelCondition {
  // prepareRuleGroup adds the ids react-querybuilder keeps on every rule and group, as <QueryBuilder> does.
  return toConditions(prepareRuleGroup(toRuleGroup(condition)));
}

function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFilesUnder(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

/** Every `conditions` object anywhere in a document (scorecard rules, tiers, treatments), with its JSON pointer. */
function conditionsIn(node: unknown, at = ''): { at: string; conditions: TopLevelCondition }[] {
  if (Array.isArray(node)) return node.flatMap((child: unknown, i) => conditionsIn(child, `${at}/${i}`));
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, child]) =>
    key === 'conditions' ? [{ at: `${at}/${key}`, conditions: child as TopLevelCondition }] : conditionsIn(child, `${at}/${key}`),
  );
}

const shipped = jsonFilesUnder(RULES_DIR).flatMap((file) =>
  conditionsIn(JSON.parse(readFileSync(file, 'utf8'))).map(({ at, conditions }) => ({
    where: `${relative(RULES_DIR, file)}#${at}`,
    conditions,
  })),
);

describe('condition conversion, json-rules-engine <-> react-querybuilder', () => {
  it('finds the conditions of the shipped policies (tiers and treatments of every file under rules/)', () => {
    const files = new Set(shipped.map(({ where }) => where.split('#')[0]));
    expect(files).toEqual(
      new Set([
        'default/grading.json',
        'default/treatments.json',
        'examples/abc-pareto/policy.json',
        'examples/downgrade-protection/policy.json',
        'examples/value-matrix/policy.json',
      ]),
    );
    expect(shipped.length).toBeGreaterThanOrEqual(20);
  });

  it.each(shipped)('round-trips $where unchanged', ({ conditions }) => {
    expect(roundTrip(conditions)).toStrictEqual(conditions);
  });

  it('maps all/any to and/or groups and a fact condition to a rule with the json-rules-engine operator', () => {
    const query = toRuleGroup({ all: [{ fact: 'score', operator: 'greaterThanInclusive', value: 75 }, { any: [] }] });
    expect(query).toStrictEqual({
      combinator: 'and',
      rules: [
        { field: 'score', operator: 'greaterThanInclusive', value: 75 },
        { combinator: 'or', rules: [] },
      ],
    });
  });

  it('keeps not around a group as the group negated, and not around one condition as such', () => {
    const aroundGroup: TopLevelCondition = { not: { any: [{ fact: 'tier', operator: 'equal', value: 'A' }] } };
    const aroundOne: TopLevelCondition = { not: { fact: 'tier', operator: 'equal', value: 'A' } };
    const aroundAllOfOne: TopLevelCondition = { not: { all: [{ fact: 'tier', operator: 'equal', value: 'A' }] } };
    expect(toRuleGroup(aroundGroup)).toMatchObject({ combinator: 'or', not: true });
    expect(toRuleGroup(aroundOne)).toMatchObject({ not: true, negatesOne: true });
    for (const condition of [aroundGroup, aroundOne, aroundAllOfOne]) expect(roundTrip(condition)).toStrictEqual(condition);
  });

  it('keeps not of not, and not inside nested groups', () => {
    const condition: TopLevelCondition = {
      all: [
        { not: { not: { fact: 'blacklisted', operator: 'equal', value: true } } },
        {
          any: [
            { not: { all: [{ fact: 'balance', operator: 'lessThan', value: 5000 }] } },
            { fact: 'upgradePotential', operator: 'equal', value: true },
          ],
        },
      ],
    };
    expect(roundTrip(condition)).toStrictEqual(condition);
  });

  it('keeps an any nested in an all, several levels deep', () => {
    const condition: TopLevelCondition = {
      all: [
        { fact: 'tier', operator: 'in', value: ['B', 'C'] },
        {
          any: [
            { fact: 'growth', operator: 'greaterThan', value: 10 },
            { all: [{ any: [{ fact: 'nature', operator: 'equal', value: 'soe' }] }] },
          ],
        },
      ],
    };
    expect(roundTrip(condition)).toStrictEqual(condition);
  });

  it('keeps a path on a structured fact (points of one criterion) apart from react-querybuilder’s own path', () => {
    const condition: TopLevelCondition = { all: [{ fact: 'points', path: '$.currentValue', operator: 'greaterThanInclusive', value: 30 }] };
    const query = prepareRuleGroup(toRuleGroup(condition));
    expect(query.rules[0]).toMatchObject({ field: 'points', factPath: '$.currentValue' });
    expect(toConditions(query)).toStrictEqual(condition);
  });

  it('keeps a fact reference as a value taken from another field', () => {
    const condition: TopLevelCondition = { any: [{ fact: 'balance', operator: 'lessThan', value: { fact: 'daysOverdue' } }] };
    const query = toRuleGroup(condition);
    expect(query.rules[0]).toMatchObject({ field: 'balance', value: 'daysOverdue', valueSource: 'field' });
    expect(roundTrip(condition)).toStrictEqual(condition);
  });

  it('keeps params and the names of conditions and groups, including a named not around a named group', () => {
    type Named<T> = T & { name: string };
    const fact: Named<FactCondition> = {
      fact: 'tier',
      operator: 'equal',
      value: 'A',
      name: 'isA',
      params: { note: 'x', deep: { n: [1] } },
    };
    const inner: Named<AllCondition> = { name: 'inner', all: [fact] };
    const condition: Named<NotCondition> = { name: 'outer', not: inner };
    expect(roundTrip(condition)).toStrictEqual(condition);
  });

  it.each(OPERATORS)('keeps the operator %s, with a single value, a list and a reference', (operator) => {
    const condition: TopLevelCondition = {
      all: [
        { fact: 'balance', operator, value: 1.5 },
        { fact: 'nature', operator, value: ['soe', 'private'] },
        { fact: 'balance', operator, value: { fact: 'growth' } },
        { fact: 'blacklisted', operator, value: false },
      ],
    };
    expect(roundTrip(condition)).toStrictEqual(condition);
  });

  it('keeps an operator the language does not know, so lint (not the editor) reports it', () => {
    const condition: TopLevelCondition = { all: [{ fact: 'score', operator: 'greaterThanInclusiv', value: 75 }] };
    expect(roundTrip(condition)).toStrictEqual(condition);
  });

  it('turns a rule react-querybuilder adds (value source "value", an id) into a plain fact condition', () => {
    const query: PolicyRuleGroup = prepareRuleGroup({
      combinator: 'or',
      rules: [{ field: 'tier', operator: 'equal', value: 'A', valueSource: 'value', disabled: false }],
    });
    expect(toConditions(query)).toStrictEqual({ any: [{ fact: 'tier', operator: 'equal', value: 'A' }] });
  });

  it('round-trips 500 random conditions that the policy schema accepts', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 500; i += 1) {
      const condition = randomTopLevel(random);
      expect(checkSchema(policyWithTierCondition(condition))).toEqual([]);
      const query = toRuleGroup(condition);
      expect(isPolicyRuleGroup(query)).toBe(true);
      expect(roundTrip(condition)).toStrictEqual(condition);
    }
  });
});

// A small deterministic generator (no dependency): every shape the schema allows a condition to take.
type Random = () => number;

function seededRandom(seed: number): Random {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function maybeNamed<T extends object>(random: Random, condition: T): T {
  return random() < 0.2 ? { ...condition, name: `n${Math.floor(random() * 100)}` } : condition;
}

function randomCondition(random: Random, depth: number): Condition {
  const shape = depth > 3 ? 'fact' : pick(random, ['fact', 'fact', 'all', 'any', 'not'] as const);
  if (shape === 'all') return maybeNamed(random, { all: randomChildren(random, depth) });
  if (shape === 'any') return maybeNamed(random, { any: randomChildren(random, depth) });
  if (shape === 'not') return maybeNamed(random, { not: randomCondition(random, depth + 1) });
  const scalar = () => pick(random, [0, -3, 2.5, 75, true, false, '', 'A', 'soe', '2024-01-31'] as const);
  const value = pick(random, [
    () => scalar(),
    () => [scalar(), scalar()],
    () => [],
    () => ({ fact: pick(random, ['growth', 'score', 'balance']) }),
  ])();
  const condition: Condition = {
    fact: pick(random, ['score', 'tier', 'points', 'nature', 'x-y']),
    operator: pick(random, OPERATORS),
    value,
  };
  if (random() < 0.3) condition.path = pick(random, ['$.growth', '$.currentValue', '$']);
  if (random() < 0.15) condition.params = { factor: random(), labels: ['a'] };
  return maybeNamed(random, condition);
}

function randomChildren(random: Random, depth: number): Condition[] {
  return Array.from({ length: Math.floor(random() * 4) }, () => randomCondition(random, depth + 1));
}

function randomTopLevel(random: Random): TopLevelCondition {
  const shape = pick(random, ['all', 'any', 'not'] as const);
  if (shape === 'all') return maybeNamed(random, { all: randomChildren(random, 0) });
  if (shape === 'any') return maybeNamed(random, { any: randomChildren(random, 0) });
  return maybeNamed(random, { not: randomCondition(random, 1) });
}

function policyWithTierCondition(conditions: TopLevelCondition): unknown {
  return {
    id: 'p',
    name: { en: 'p' },
    facts: { x: { type: 'number', label: { en: 'x' } } },
    grading: {
      tiers: [
        { id: 'A', label: { en: 'A' }, conditions },
        { id: 'B', label: { en: 'B' } },
      ],
    },
  };
}
