import type { Condition, FactCondition } from '../document.js';
import type { Scope } from './scope.js';

const SYMBOLS: Record<string, string> = {
  equal: 'is',
  notEqual: 'is not',
  lessThan: '<',
  lessThanInclusive: '<=',
  greaterThan: '>',
  greaterThanInclusive: '>=',
  in: 'is one of',
  notIn: 'is none of',
};

/**
 * Says, in the words an agent reads, why a condition that held for this customer
 * held: "score 82 >= 75", "blacklisted is true and daysOverdue 200 > 180".
 * `holds` tells which branch of an "any" carried it.
 */
export function describeCondition(condition: Condition, scope: Scope, holds: (c: Condition) => boolean): string {
  if ('all' in condition) return condition.all.map((child) => describeCondition(child, scope, holds)).join(' and ');
  if ('any' in condition) {
    const carrying = condition.any.find(holds);
    return carrying ? describeCondition(carrying, scope, holds) : '';
  }
  if ('not' in condition) return `not (${describeFalse(condition.not, scope)})`;
  return describeFactCondition(condition, scope);
}

function describeFalse(condition: Condition, scope: Scope): string {
  if ('fact' in condition) return describeFactCondition(condition, scope);
  return 'the inner conditions';
}

function describeFactCondition(condition: FactCondition, scope: Scope): string {
  const symbol = SYMBOLS[condition.operator] ?? condition.operator;
  const value = condition.value;
  const shown =
    typeof value === 'object' && !Array.isArray(value)
      ? `${value.fact} (${show(scope[value.fact])})`
      : Array.isArray(value)
        ? value.map(show).join(', ')
        : show(value);
  const name = condition.path ? `${condition.fact}${condition.path.slice(1)}` : condition.fact;
  if (symbol.startsWith('is')) return `${name} ${symbol} ${shown}`;
  const actual = condition.path
    ? // Evaluation sets the points fact before any condition that reads it.
      (scope[condition.fact] as Record<string, number>)[condition.path.slice(2)]
    : scope[condition.fact];
  return `${name} ${show(actual)} ${symbol} ${shown}`;
}

export function show(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  if (typeof value === 'string') return value;
  // Values come from JSON: true/false (and anything else) as JSON; an absent value is unknown.
  return value === undefined ? 'unknown' : JSON.stringify(value);
}
