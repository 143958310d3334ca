// The policy document: what business users author. Its JSON Schema is
// schema/policy.schema.json; these types mirror it.

export interface Label {
  en: string;
  zh?: string;
}

export type FactType = 'number' | 'integer' | 'boolean' | 'string' | 'date';

export interface FactDefinition {
  type: FactType;
  label: Label;
  required?: boolean;
  default?: FactValue;
  /** Inclusive bounds of a number, integer or date (ISO yyyy-mm-dd) fact. */
  min?: number | string;
  max?: number | string;
  /** Allowed values of a string fact. */
  enum?: string[];
  /** Display names of enum values, e.g. { "soe": { "en": "state-owned", "zh": "国有" } }. */
  enumLabels?: Record<string, Label>;
}

export type FactValue = number | boolean | string;

export type PopulationMeasure = 'rank' | 'percentile' | 'cumulativeShare';

/** A fact computed over the whole population of customers before the rules run. */
export interface PopulationFactDefinition {
  of: string;
  measure: PopulationMeasure;
  /** Which end is "top": descending means the largest value has rank 1. */
  order?: 'descending' | 'ascending';
  label: Label;
}

// json-rules-engine condition syntax, restricted to what this language supports.
export type Operator = 'equal' | 'notEqual' | 'lessThan' | 'lessThanInclusive' | 'greaterThan' | 'greaterThanInclusive' | 'in' | 'notIn';

export interface FactReference {
  fact: string;
}

export interface FactCondition {
  fact: string;
  operator: string;
  value: FactValue | FactValue[] | FactReference;
  path?: string;
  params?: Record<string, unknown>;
}

export interface AllCondition {
  all: Condition[];
}
export interface AnyCondition {
  any: Condition[];
}
export interface NotCondition {
  not: Condition;
}

export type Condition = FactCondition | AllCondition | AnyCondition | NotCondition;
export type TopLevelCondition = AllCondition | AnyCondition | NotCondition;

export interface NumberBand {
  /** Inclusive lower bound; omitted means "from the lowest value". */
  atLeast?: number;
  /** Exclusive upper bound; omitted means "to the highest value". */
  below?: number;
  points: number;
}

export interface ValueBand {
  values: (string | boolean)[];
  points: number;
}

export type Band = NumberBand | ValueBand;

export interface ConditionalPoints {
  id: string;
  conditions: TopLevelCondition;
  points: number;
  reason?: string;
}

/** How a criterion awards its points: exactly one of the three forms. */
export type PointsSource = { fact: string } | { fact: string; bands: Band[] } | { rules: ConditionalPoints[]; otherwise?: number };

export interface Criterion {
  id: string;
  label: Label;
  max: number;
  points: PointsSource;
}

export interface Tier {
  id: string;
  label: Label;
  /** Omitted on the catch-all tier, which must come last. */
  conditions?: TopLevelCondition;
}

/**
 * How fast a customer may fall: a tier only after `gradings` consecutive
 * gradings below it or `days` since it first graded below it (whichever comes
 * first), one tier at a time, and only after `minimumDaysInTier` in its tier.
 * Rising is immediate.
 */
export interface DowngradeProtection {
  /** Consecutive gradings below its tier, this one included, after which a customer falls. */
  gradings?: number;
  /** Days since a customer first graded below its tier after which it falls. */
  days?: number;
  /** Days a customer stays in a tier before it may fall from it. */
  minimumDaysInTier?: number;
  /**
   * Tier ids from best to worst. Defaults to the tiers' listed order, which is
   * their match order: a policy that tries a worse tier first (abc-pareto's D)
   * must give it.
   */
  ranking?: string[];
}

export interface Grading {
  scorecard?: Criterion[];
  tiers: Tier[];
  downgradeProtection?: DowngradeProtection;
}

export interface Treatment {
  type: string;
  params: Record<string, unknown>;
}

export interface TreatmentRule {
  id: string;
  label: Label;
  /** Higher wins when two rules give the same treatment type. */
  priority: number;
  conditions: TopLevelCondition;
  treatments: Treatment[];
  /** Treatment types this rule removes; "*" removes every type it does not give itself. */
  suppress?: string[];
  /** One line for a call-centre agent, shown when the rule applies. */
  explanation: string;
}

export interface PolicyDocument {
  $schema?: string;
  id: string;
  version?: number;
  name: Label;
  description?: string;
  facts: Record<string, FactDefinition>;
  population?: Record<string, PopulationFactDefinition>;
  grading: Grading;
  treatments?: TreatmentRule[];
}

export const OPERATORS: readonly Operator[] = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
];

/** Facts the evaluator provides to tier and treatment conditions. */
export const SCORE_FACT = 'score';
export const TIER_FACT = 'tier';
/** Each criterion's points, read with a path: { "fact": "points", "path": "$.growth" }. */
export const POINTS_FACT = 'points';
