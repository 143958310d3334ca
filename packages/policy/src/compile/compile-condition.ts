import type { Condition, FactCondition, FactValue } from '../document.js';
import type { Predicate, Scope } from './scope.js';

/**
 * Turns a linted condition into a plain synchronous function with exactly
 * json-rules-engine's semantics (engine-default-operators.js in 7.3) for every
 * scope a validated record produces: "all" and "any" of nothing are true, "in"
 * uses indexOf, and numeric operators are false for an absent fact. The
 * differential test holds us to it.
 *
 * json-rules-engine first asks whether parseFloat can read the fact value. Here
 * the left side of a numeric operator is always a finite number or absent (lint
 * allows these operators only on number, integer and date facts; validation
 * admits only finite numbers and turns dates into epoch milliseconds; score,
 * points and population facts are numbers), and JavaScript's own comparison is
 * already false for undefined, so that check would never change an answer.
 */
export function compileCondition(condition: Condition): Predicate {
  if ('all' in condition) return every(condition.all.map(compileCondition));
  if ('any' in condition) return some(condition.any.map(compileCondition));
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return (scope) => !inner(scope);
  }
  return compileFactCondition(condition);
}

function every(parts: Predicate[]): Predicate {
  return (scope) => {
    for (const part of parts) if (!part(scope)) return false;
    return true;
  };
}

function some(parts: Predicate[]): Predicate {
  if (parts.length === 0) return () => true;
  return (scope) => {
    for (const part of parts) if (part(scope)) return true;
    return false;
  };
}

type Compare = (factValue: unknown, value: unknown) => boolean;

// For conditions that compare with another fact or read a criterion's points.
const COMPARE: Record<string, Compare> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  lessThan: (a, b) => (a as number) < (b as number),
  lessThanInclusive: (a, b) => (a as number) <= (b as number),
  greaterThan: (a, b) => (a as number) > (b as number),
  greaterThanInclusive: (a, b) => (a as number) >= (b as number),
};

function compileFactCondition(condition: FactCondition): Predicate {
  const { fact, operator, value } = condition;
  if (isFactReference(value)) {
    // Lint refuses these: json-rules-engine would search the other fact's text or throw.
    if (operator === 'in' || operator === 'notIn') {
      throw new Error(`'${operator}' with a fact reference reached the compiler unlinted`);
    }
    const compare = comparison(operator);
    const read = readFact(condition);
    const other = value.fact;
    return (scope: Scope) => compare(read(scope), scope[other]);
  }
  if (condition.path !== undefined) {
    const compare = comparison(operator);
    const read = readPoints(fact, condition.path);
    return (scope: Scope) => compare(read(scope), value);
  }
  return compareWithValue(operator, fact, value);
}

function comparison(operator: string): Compare {
  const compare = COMPARE[operator];
  if (!compare) throw new Error(`operator '${operator}' reached the compiler unlinted`);
  return compare;
}

/** What the condition's left side reads: the fact, or one criterion's points through its path. */
function readFact(condition: FactCondition): (scope: Scope) => unknown {
  const fact = condition.fact;
  if (condition.path === undefined) return (scope) => scope[fact];
  return readPoints(fact, condition.path);
}

// Lint allows only "$.<criterion>" paths, and only into the points fact, which
// evaluation always sets before any condition that reads it runs.
function readPoints(fact: string, path: string): (scope: Scope) => unknown {
  const key = path.slice(2);
  return (scope) => (scope[fact] as Record<string, number>)[key];
}

// The usual condition, a fact against a value written out, gets a closure with
// no indirect call: this is most of what evaluation spends its time on.
function compareWithValue(operator: string, fact: string, value: FactValue | FactValue[]): Predicate {
  switch (operator) {
    case 'equal':
      return (scope) => scope[fact] === value;
    case 'notEqual':
      return (scope) => scope[fact] !== value;
    case 'in': {
      const list = value as unknown[];
      return (scope) => list.indexOf(scope[fact]) > -1;
    }
    case 'notIn': {
      const list = value as unknown[];
      return (scope) => list.indexOf(scope[fact]) === -1;
    }
    case 'lessThan':
      return (scope) => (scope[fact] as number) < (value as number);
    case 'lessThanInclusive':
      return (scope) => (scope[fact] as number) <= (value as number);
    case 'greaterThan':
      return (scope) => (scope[fact] as number) > (value as number);
    case 'greaterThanInclusive':
      return (scope) => (scope[fact] as number) >= (value as number);
    default:
      throw new Error(`operator '${operator}' reached the compiler unlinted`);
  }
}

// The schema admits no null and lint no other object: an object value names a fact.
function isFactReference(value: unknown): value is { fact: string } {
  return typeof value === 'object' && !Array.isArray(value);
}
