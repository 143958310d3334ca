import { recordCatalogue, type FactCatalogue } from '../catalogue.js';
import type { Condition, Criterion, PolicyDocument, TopLevelCondition } from '../document.js';
import { hasErrors } from '../finding.js';
import { policyHash } from '../hash.js';
import { lintPolicy } from '../lint/lint-policy.js';
import { PolicyLintError } from '../policy-error.js';
import { factReason, NO_RULE_REASON, ruleReason } from '../points-reason.js';
import { byPriority } from '../resolve-treatments.js';
import { bandCondition } from './band-condition.js';
import { compileCondition } from './compile-condition.js';
import type { CompiledCriterion, CompiledPolicy, Points } from './compiled-policy.js';
import { normalizeConditions } from './normalize-conditions.js';
import type { Predicate, Scope } from './scope.js';

/**
 * Lints a policy document and, if it has no errors, compiles it once into plain
 * synchronous functions. Throws PolicyLintError otherwise: a policy that fails
 * lint is never evaluated.
 */
export function compilePolicy(input: unknown): CompiledPolicy {
  const findings = lintPolicy(input);
  if (hasErrors(findings)) throw new PolicyLintError(findings);
  const source = input as PolicyDocument;
  const facts = recordCatalogue(source);
  // Only record facts can be dates (score, points, tier and population facts are
  // numbers or text), so they are all normalisation needs to know.
  const document = deepFreeze(normalizeDocument(structuredClone(source), facts));

  const predicates = new WeakMap<Condition, Predicate>();
  const predicateOf = (condition: TopLevelCondition | Condition): Predicate => {
    let predicate = predicates.get(condition);
    // Stryker disable next-line ConditionalExpression: a cache; compiling the condition again gives the same predicate.
    if (!predicate) {
      predicate = compileCondition(condition);
      predicates.set(condition, predicate);
    }
    return predicate;
  };

  return {
    document,
    ref: { id: document.id, version: document.version ?? null, hash: policyHash(source) },
    catalogue: facts,
    warnings: findings,
    scorecard: document.grading.scorecard?.map((criterion) => compileCriterion(criterion, predicateOf)),
    tiers: document.grading.tiers.map((tier) => ({
      tier,
      matches: tier.conditions ? predicateOf(tier.conditions) : () => true,
    })),
    treatmentRules: byPriority(document.treatments ?? []).map((rule) => ({ rule, applies: predicateOf(rule.conditions) })),
    population: new Map(Object.entries(document.population ?? {})),
    // Lint made the ranking a permutation of the tier ids.
    ranking: (document.grading.downgradeProtection?.ranking ?? document.grading.tiers.map((tier) => tier.id)).map((id) =>
      document.grading.tiers.find((tier) => tier.id === id)!,
    ),
    holds: (condition, scope) => predicateOf(condition)(scope),
  };
}

function compileCriterion(criterion: Criterion, predicateOf: (c: TopLevelCondition) => Predicate): CompiledCriterion {
  const { id, max } = criterion;
  const source = criterion.points;
  if ('rules' in source) {
    const rules = source.rules.map((rule) => ({
      matches: predicateOf(rule.conditions),
      result: { points: rule.points, reason: ruleReason(rule) },
    }));
    const otherwise: Points = { points: source.otherwise ?? 0, reason: NO_RULE_REASON };
    return { id, max, award: (scope) => rules.find((rule) => rule.matches(scope))?.result ?? otherwise };
  }
  const fact = source.fact;
  if (!('bands' in source)) {
    return { id, max, award: (scope) => ({ points: scope[fact] as number, reason: factReason(fact, scope[fact]) }) };
  }
  const bands = source.bands.map((band) => ({ matches: predicateOf(bandCondition(fact, band)), points: band.points }));
  return {
    id,
    max,
    award: (scope) => {
      // Lint leaves no value without a band, and no banded fact that may be missing.
      const band = bands.find((candidate) => candidate.matches(scope))!;
      return { points: band.points, reason: factReason(fact, scope[fact]) };
    },
  };
}

function normalizeDocument(document: PolicyDocument, facts: FactCatalogue): PolicyDocument {
  for (const criterion of document.grading.scorecard ?? []) {
    if ('rules' in criterion.points) {
      for (const rule of criterion.points.rules) rule.conditions = normalizeConditions(rule.conditions, facts);
    }
  }
  for (const tier of document.grading.tiers) {
    if (tier.conditions) tier.conditions = normalizeConditions(tier.conditions, facts);
  }
  for (const rule of document.treatments ?? []) rule.conditions = normalizeConditions(rule.conditions, facts);
  return document;
}

function deepFreeze<T>(value: T): T {
  // Objects and arrays; null and primitives are immutable already.
  if (value instanceof Object) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export type { Scope };
