// Test data for specs: a minimal valid policy that each test changes in one place,
// so a finding can only come from that change.

import type {
  AllCondition,
  AnyCondition,
  Condition,
  Criterion,
  FactCondition,
  FactDefinition,
  NotCondition,
  PolicyDocument,
  PopulationFactDefinition,
  Tier,
  TopLevelCondition,
  TreatmentRule,
} from '../document.js';

/**
 * One required fact 'revenue' (0..10) scored directly by criterion 'revenue'
 * (max 10, so scores run 0..10), tier A from score 5, catch-all tier B, and a
 * treatment rule for tier A. Lints with zero findings.
 */
export function policyFactory(overrides: Partial<PolicyDocument> = {}): PolicyDocument {
  return {
    id: 'test-policy',
    name: { en: 'Test policy' },
    facts: { revenue: factFactory({ min: 0, max: 10 }) },
    grading: {
      scorecard: [criterionFactory()],
      tiers: [tierFactory('A', scoreAtLeast(5)), tierFactory('B')],
    },
    treatments: [treatmentRuleFactory()],
    ...overrides,
  };
}

/** A required number fact unless overridden. */
export function factFactory(overrides: Partial<FactDefinition> = {}): FactDefinition {
  return { type: 'number', label: { en: 'A fact' }, required: true, ...overrides };
}

export function populationFactFactory(overrides: Partial<PopulationFactDefinition> = {}): PopulationFactDefinition {
  return { of: 'revenue', measure: 'rank', label: { en: 'Revenue rank' }, ...overrides };
}

/** Criterion 'revenue' counting the revenue fact as points, max 10. */
export function criterionFactory(overrides: Partial<Criterion> = {}): Criterion {
  return { id: 'revenue', label: { en: 'Revenue' }, max: 10, points: { fact: 'revenue' }, ...overrides };
}

/** A tier; without conditions it is the catch-all. */
export function tierFactory(id: string, conditions?: TopLevelCondition): Tier {
  const tier: Tier = { id, label: { en: `tier ${id}` } };
  if (conditions) tier.conditions = conditions;
  return tier;
}

/** Rule 'a-service': tier A gets a priority queue. */
export function treatmentRuleFactory(overrides: Partial<TreatmentRule> = {}): TreatmentRule {
  return {
    id: 'a-service',
    label: { en: 'Tier A service' },
    priority: 10,
    conditions: all(factCondition('tier', 'equal', 'A')),
    treatments: [{ type: 'queue', params: { priority: 1 } }],
    explanation: 'tier A: priority queue',
    ...overrides,
  };
}

export function factCondition(
  fact: string,
  operator: string,
  value: FactCondition['value'],
  extra: Pick<FactCondition, 'path'> = {},
): FactCondition {
  return { fact, operator, value, ...extra };
}

export function all(...conditions: Condition[]): AllCondition {
  return { all: conditions };
}

export function any(...conditions: Condition[]): AnyCondition {
  return { any: conditions };
}

export function not(condition: Condition): NotCondition {
  return { not: condition };
}

export function scoreAtLeast(threshold: number): AllCondition {
  return all(factCondition('score', 'greaterThanInclusive', threshold));
}

// Schema specs need documents no type allows, so they edit plain JSON by pointer.

/** A deep copy of the document with the value at the JSON pointer replaced (or added). */
export function setAt(document: unknown, path: string, value: unknown): unknown {
  const copy: unknown = structuredClone(document);
  const { parent, key } = locate(copy, path);
  if (Array.isArray(parent)) parent[Number(key)] = value;
  else parent[key] = value;
  return copy;
}

/** A deep copy of the document without the key at the JSON pointer. */
export function removeAt(document: unknown, path: string): unknown {
  const copy: unknown = structuredClone(document);
  const { parent, key } = locate(copy, path);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
  return copy;
}

type Container = Record<string, unknown> | unknown[];

function locate(root: unknown, path: string): { parent: Container; key: string } {
  const segments = path
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const key = segments.pop();
  if (key === undefined) throw new Error(`'${path}' does not point inside the document`);
  let parent = root;
  for (const segment of segments) {
    if (!isContainer(parent)) break;
    parent = Array.isArray(parent) ? parent[Number(segment)] : parent[segment];
  }
  if (!isContainer(parent)) throw new Error(`nothing to change at '${path}'`);
  return { parent, key };
}

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}
