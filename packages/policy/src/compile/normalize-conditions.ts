import type { FactCatalogue } from '../catalogue.js';
import { parseIsoDate } from '../dates.js';
import type { Condition, FactCondition, TopLevelCondition } from '../document.js';

/**
 * Rewrites condition values of date facts as epoch milliseconds, the form date
 * facts take at evaluation. Both the compiled evaluator and json-rules-engine
 * run the rewritten conditions, so they compare like with like.
 */
export function normalizeConditions<T extends TopLevelCondition | Condition>(condition: T, facts: FactCatalogue): T {
  if ('all' in condition) return { ...condition, all: condition.all.map((child) => normalizeConditions(child, facts)) };
  if ('any' in condition) return { ...condition, any: condition.any.map((child) => normalizeConditions(child, facts)) };
  if ('not' in condition) return { ...condition, not: normalizeConditions(condition.not, facts) };
  const leaf: FactCondition = condition;
  if (facts.get(leaf.fact)?.type !== 'date') return condition;
  const value = Array.isArray(leaf.value) ? leaf.value.map(toMillis) : toMillis(leaf.value);
  return { ...leaf, value } as T;
}

function toMillis<T>(value: T): T | number {
  return typeof value === 'string' ? (parseIsoDate(value) ?? Number.NaN) : value;
}
