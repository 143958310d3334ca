import { OPERATORS, type FactCondition, type TopLevelCondition } from '../../src/index.js';
import { SLOTS, type Slot } from './slots.js';

// Every condition the language could be asked to run: each operator (and two
// json-rules-engine operators the language leaves out), on each slot, against
// each kind of value: literals of the right and wrong type, lists, a reference
// to every other fact, a reference with a path, and malformed left-hand sides.
// Each case says whether lint should accept it, so lint cannot pass the suite by
// refusing everything.

export type ValueKind = 'literal' | 'list' | 'fact' | 'fact with path' | 'condition path';

export interface ConditionCase {
  description: string;
  conditions: TopLevelCondition;
  left: Slot | undefined;
  /** The slot a fact reference reads. */
  right: Slot | undefined;
  operator: string;
  valueKind: ValueKind;
  accept: boolean;
}

const ORDERED: ReadonlySet<string> = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const LISTS: ReadonlySet<string> = new Set(['in', 'notIn']);
const OUTSIDE_THE_LANGUAGE = ['contains', 'doesNotContain'];
const MISMATCH_SAMPLE: ReadonlySet<string> = new Set(['equal', 'greaterThan', 'in']);
const WRAPPERS = ['all', 'any', 'not'] as const;

export function conditionCases(): ConditionCase[] {
  const leaves: { leaf: FactCondition; left: Slot | undefined; right: Slot | undefined; valueKind: ValueKind; accept: boolean }[] = [];
  const add = (leaf: FactCondition, left: Slot | undefined, right: Slot | undefined, valueKind: ValueKind, accept: boolean) =>
    leaves.push({ leaf, left, right, valueKind, accept });

  for (const left of SLOTS) {
    const on = (operator: string, value: FactCondition['value']): FactCondition => ({
      fact: left.fact,
      operator,
      value,
      ...(left.path ? { path: left.path } : {}),
    });
    const kind: ValueKind = left.path ? 'condition path' : 'literal';
    for (const operator of OPERATORS) {
      const comparable = !ORDERED.has(operator) || left.kind === 'number' || left.kind === 'date';
      if (LISTS.has(operator)) {
        add(on(operator, left.literals.slice(0, 2) as never), left, undefined, 'list', true);
        add(on(operator, left.literals.slice(-1) as never), left, undefined, 'list', true);
        add(on(operator, []), left, undefined, 'list', true);
        add(on(operator, [left.literals[0], left.wrongLiterals[0]] as never), left, undefined, 'list', false);
        add(on(operator, left.literals[0] as never), left, undefined, kind, false);
      } else {
        for (const literal of left.literals) add(on(operator, literal as never), left, undefined, kind, comparable);
        for (const literal of left.wrongLiterals) add(on(operator, literal as never), left, undefined, kind, false);
        add(on(operator, [left.literals[0]] as never), left, undefined, 'list', false);
      }
      for (const right of SLOTS) {
        if (right.path) {
          // A reference cannot carry a path (schema), and the points fact whole is no number.
          add(on(operator, { fact: right.fact, path: right.path } as never), left, right, 'fact with path', false);
          continue;
        }
        const sameKind = right.kind === left.kind;
        // A comparison across kinds is refused whatever the operator: three of them show it.
        if (!sameKind && !MISMATCH_SAMPLE.has(operator)) continue;
        add(on(operator, { fact: right.fact }), left, right, 'fact', sameKind && comparable && !LISTS.has(operator));
      }
      add(on(operator, { fact: 'points' }), left, undefined, 'fact', false);
      add(on(operator, { fact: 'nope' }), left, undefined, 'fact', false);
    }
    for (const operator of OUTSIDE_THE_LANGUAGE) add(on(operator, left.literals[0] as never), left, undefined, kind, false);
  }

  // Left-hand sides lint must refuse whatever the operator.
  const malformed: FactCondition[] = [
    { fact: 'points', operator: 'equal', value: 5 },
    { fact: 'points', operator: 'greaterThan', value: 5, path: '$.nope' },
    { fact: 'points', operator: 'equal', value: 5, path: '$.growth.more' },
    { fact: 'amount', operator: 'equal', value: 5, path: '$.amount' },
    { fact: 'nope', operator: 'equal', value: 5 },
    { fact: 'customerId', operator: 'equal', value: 'c-1' },
    { fact: '__proto__', operator: 'equal', value: 5 },
    { fact: 'hasOwnProperty', operator: 'equal', value: { fact: '__proto__' } },
  ];
  for (const leaf of malformed) add(leaf, undefined, undefined, leaf.path ? 'condition path' : 'literal', false);

  return leaves.map(({ leaf, left, right, valueKind, accept }, i) => {
    const wrapper = WRAPPERS[i % WRAPPERS.length]!;
    const conditions: TopLevelCondition = wrapper === 'not' ? { not: leaf } : wrapper === 'all' ? { all: [leaf] } : { any: [leaf] };
    return { description: `${wrapper} ${JSON.stringify(leaf)}`, conditions, left, right, operator: leaf.operator, valueKind, accept };
  });
}
