import type { FactCatalogue } from '../catalogue.js';
import type { Condition, PolicyDocument, PopulationFactDefinition, Tier, TreatmentRule } from '../document.js';
import type { Finding } from '../finding.js';
import type { PolicyRef } from '../decision.js';
import type { Predicate, Scope } from './scope.js';

export interface Points {
  points: number;
  reason: string;
}

export interface CompiledCriterion {
  id: string;
  max: number;
  award(scope: Scope): Points;
}

export interface CompiledTier {
  tier: Tier;
  matches: Predicate;
}

export interface CompiledTreatmentRule {
  rule: TreatmentRule;
  applies: Predicate;
}

/** A linted policy turned into plain functions, ready to evaluate many customers. */
export interface CompiledPolicy {
  /** The document as evaluated: date values in conditions are epoch milliseconds. */
  readonly document: PolicyDocument;
  readonly ref: PolicyRef;
  readonly catalogue: FactCatalogue;
  /** Warnings lint found; a policy with errors never compiles. */
  readonly warnings: readonly Finding[];
  readonly scorecard: readonly CompiledCriterion[] | undefined;
  readonly tiers: readonly CompiledTier[];
  /** Highest priority first. */
  readonly treatmentRules: readonly CompiledTreatmentRule[];
  readonly population: ReadonlyMap<string, PopulationFactDefinition>;
  /** The tiers from best to worst: downgrade protection's ranking, else the listed order. */
  readonly ranking: readonly Tier[];
  /** Whether a condition held, for explaining which branch of an "any" carried a decision. */
  holds(condition: Condition, scope: Scope): boolean;
}
