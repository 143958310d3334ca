import type { Condition, FactCondition, FactValue } from '../document.js';
import type { Predicate, Scope } from './scope.js';

/**
 * Turns a linted condition into a plain synchronous function with exactly
 * json-rules-engine's semantics (engine-default-operators.js in 7.3): "all" and
 * "any" of nothing are true, numeric operators are false for a fact value that
 * parseFloat cannot read, "in" uses indexOf. The differential test holds us to it.
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
  if (parts.length === 1) return parts[0]!;
  return (scope) => {
    for (const part of parts) if (!part(scope)) return false;
    return true;
  };
}

function some(parts: Predicate[]): Predicate {
  if (parts.length === 0) return () => true;
  if (parts.length === 1) return parts[0]!;
  return (scope) => {
    for (const part of parts) if (part(scope)) return true;
    return false;
  };
}

type Compare = (factValue: unknown, value: unknown) => boolean;

const COMPARE: Record<string, Compare> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  lessThan: (a, b) => readsAsNumber(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => readsAsNumber(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => readsAsNumber(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => readsAsNumber(a) && (a as number) >= (b as number),
};

// json-rules-engine's numberValidator, with a fast path for the usual case.
function readsAsNumber(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isNaN(value);
  return Number.parseFloat(value as string).toString() !== 'NaN';
}

function compileFactCondition(condition: FactCondition): Predicate {
  const compare = COMPARE[condition.operator];
  if (!compare) throw new Error(`operator '${condition.operator}' reached the compiler unlinted`);
  const fact = condition.fact;
  const value = condition.value;
  const read = readFact(condition);
  if (isFactReference(value)) {
    // Lint refuses these: json-rules-engine would search the other fact's text or throw.
    if (condition.operator === 'in' || condition.operator === 'notIn') {
      throw new Error(`'${condition.operator}' with a fact reference reached the compiler unlinted`);
    }
    const other = value.fact;
    return (scope: Scope) => compare(read(scope), scope[other]);
  }
  if (condition.path !== undefined) return (scope: Scope) => compare(read(scope), value);
  return specialised(condition.operator, fact, value) ?? ((scope: Scope) => compare(scope[fact], value));
}

/** What the condition's left side reads: the fact, or one criterion's points through its path. */
function readFact(condition: FactCondition): (scope: Scope) => unknown {
  const fact = condition.fact;
  if (condition.path === undefined) return (scope) => scope[fact];
  // Lint allows only "$.<criterion>" paths into the points fact.
  const key = condition.path.slice(2);
  return (scope) => (scope[fact] as Record<string, number> | undefined)?.[key];
}

// The hot operators get closures without an indirect call.
function specialised(operator: string, fact: string, value: FactValue | FactValue[]): Predicate | undefined {
  switch (operator) {
    case 'equal':
      return (scope) => scope[fact] === value;
    case 'notEqual':
      return (scope) => scope[fact] !== value;
    case 'greaterThanInclusive':
      return (scope) => {
        const a = scope[fact];
        return typeof a === 'number' ? a >= (value as number) : readsAsNumber(a) && (a as unknown as number) >= (value as number);
      };
    case 'lessThan':
      return (scope) => {
        const a = scope[fact];
        return typeof a === 'number' ? a < (value as number) : readsAsNumber(a) && (a as unknown as number) < (value as number);
      };
    default:
      return undefined;
  }
}

function isFactReference(value: unknown): value is { fact: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'fact' in value;
}
