import { parseIsoDate } from './dates.js';
import { POINTS_FACT, SCORE_FACT, TIER_FACT, type FactType, type FactValue, type Label, type PolicyDocument } from './document.js';

/** Where a fact's value comes from. */
export type FactOrigin = 'record' | 'population' | 'score' | 'tier';

/** A fact as conditions see it: bounds normalised to numbers (dates in epoch ms). */
export interface CatalogueFact {
  name: string;
  type: FactType;
  origin: FactOrigin;
  label: Label;
  required: boolean;
  default: FactValue | undefined;
  min: number | undefined;
  max: number | undefined;
  allowed: ReadonlySet<string | boolean> | undefined;
  /** For a structured fact (points): the JSONPaths that select one of its numbers. */
  paths?: ReadonlySet<string>;
}

export type FactCatalogue = ReadonlyMap<string, CatalogueFact>;

export const RESERVED_FACT_NAMES: readonly string[] = [SCORE_FACT, TIER_FACT, POINTS_FACT, 'customerId'];

// An absent bound stays absent: parseIsoDate and the number check both give undefined.
export function boundToNumber(type: FactType, bound: number | string | undefined): number | undefined {
  if (type === 'date') return parseIsoDate(bound);
  return typeof bound === 'number' ? bound : undefined;
}

/** The facts a customer record carries, plus population facts. */
export function recordCatalogue(document: PolicyDocument): Map<string, CatalogueFact> {
  const catalogue = new Map<string, CatalogueFact>();
  for (const [name, fact] of Object.entries(document.facts)) {
    catalogue.set(name, {
      name,
      type: fact.type,
      origin: 'record',
      label: fact.label,
      required: fact.required ?? false,
      default: fact.default,
      min: boundToNumber(fact.type, fact.min),
      max: boundToNumber(fact.type, fact.max),
      allowed: fact.type === 'boolean' ? new Set([true, false]) : fact.enum ? new Set(fact.enum) : undefined,
    });
  }
  for (const [name, fact] of Object.entries(document.population ?? {})) {
    catalogue.set(name, {
      name,
      type: fact.measure === 'rank' ? 'integer' : 'number',
      origin: 'population',
      label: fact.label,
      required: true,
      default: undefined,
      min: fact.measure === 'rank' ? 1 : 0,
      max: fact.measure === 'rank' ? undefined : fact.measure === 'percentile' ? 1 : undefined,
      allowed: undefined,
    });
  }
  return catalogue;
}

/** Adds the score and each criterion's points, available to tier and treatment conditions. */
export function withScore(
  catalogue: FactCatalogue,
  range: { min: number; max: number },
  criterionIds: readonly string[],
): Map<string, CatalogueFact> {
  return new Map(catalogue)
    .set(POINTS_FACT, {
      name: POINTS_FACT,
      type: 'number',
      origin: 'score',
      label: { en: 'points per criterion', zh: '各项得分' },
      required: true,
      default: undefined,
      min: undefined,
      max: undefined,
      allowed: undefined,
      paths: new Set(criterionIds.map((id) => `$.${id}`)),
    })
    .set(SCORE_FACT, {
      name: SCORE_FACT,
      type: 'number',
      origin: 'score',
      label: { en: 'score', zh: '总分' },
      required: true,
      default: undefined,
      min: range.min,
      max: range.max,
      allowed: undefined,
    });
}

/** Adds the tier, available to treatment conditions. */
export function withTier(catalogue: FactCatalogue, tierIds: readonly string[]): Map<string, CatalogueFact> {
  return new Map(catalogue).set(TIER_FACT, {
    name: TIER_FACT,
    type: 'string',
    origin: 'tier',
    label: { en: 'tier', zh: '等级' },
    required: true,
    default: undefined,
    min: undefined,
    max: undefined,
    allowed: new Set(tierIds),
  });
}
