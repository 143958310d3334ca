import { recordCatalogue, withScore, withTier, type FactCatalogue } from '../catalogue.js';
import type { Condition, Criterion, FactValue, PolicyDocument, TopLevelCondition } from '../document.js';
import { hasErrors } from '../finding.js';
import { policyHash } from '../hash.js';
import { lintPolicy } from '../lint/lint-policy.js';
import { PolicyLintError } from '../policy-error.js';
import { factReason, NO_RULE_REASON, ruleReason } from '../points-reason.js';
import { byPriority } from '../resolve-treatments.js';
import { scoreRange } from '../score-range.js';
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
  const range = source.grading.scorecard ? scoreRange(source.grading.scorecard, facts) : undefined;
  const scorecard = source.grading.scorecard;
  const tierFacts =
    range && scorecard
      ? withScore(
          facts,
          range,
          scorecard.map((criterion) => criterion.id),
        )
      : facts;
  const allFacts = withTier(
    tierFacts,
    source.grading.tiers.map((tier) => tier.id),
  );
  const document = deepFreeze(normalizeDocument(structuredClone(source), allFacts));

  const predicates = new WeakMap<Condition, Predicate>();
  const predicateOf = (condition: TopLevelCondition | Condition): Predicate => {
    let predicate = predicates.get(condition);
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
  const valueBands = new Map<FactValue, Points>();
  for (const band of source.bands) {
    if ('values' in band) for (const value of band.values) valueBands.set(value, { points: band.points, reason: factReason(fact, value) });
  }
  return {
    id,
    max,
    award: (scope) => {
      const value = scope[fact];
      const known = valueBands.get(value as FactValue);
      if (known) return known;
      const band = bands.find((candidate) => candidate.matches(scope));
      return { points: band?.points ?? 0, reason: factReason(fact, value) };
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
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export type { Scope };
