import type { FactDefinition, FactType } from '../../src/index.js';
import { FACTS, TIER_A_FROM, VIP_POINTS } from './conformance-policy.js';

// A slot is one thing a condition can read: a record fact, the score, the tier,
// or one criterion's points (the points fact with a path). It knows the values
// worth putting in a record (edges) and how to put them there.

export type Kind = 'number' | 'boolean' | 'string' | 'date';

export type Record_ = Record<string, unknown>;

export interface Slot {
  /** How a failure names it: 'amount', 'points $.growth'. */
  name: string;
  fact: string;
  path?: string;
  kind: Kind;
  /** Allowed values of a string slot with an enum (tiers included). */
  allowed?: readonly string[];
  /** Values worth a record; undefined means absent (only where the slot may be absent). */
  edges: readonly unknown[];
  /** Literals of the right type a condition may compare the slot with. */
  literals: readonly unknown[];
  /** Literals of the wrong type, or outside the enum: lint must refuse them. */
  wrongLiterals: readonly unknown[];
  /** Whether a valid record can hold this value (undefined: be absent) here. */
  fits(value: unknown): boolean;
  /** Puts a value (or absence) where this slot reads it. */
  assign(record: Record_, value: unknown): void;
}

const NUMBER_LITERALS = [0, -1, 2.5, 5, 10, 100];
const DATE_LITERALS = ['2000-01-01', '2020-02-29', '2030-12-31'];

export function kindOf(type: FactType): Kind {
  return type === 'integer' ? 'number' : type;
}

function recordSlot(name: string): Slot {
  const fact = FACTS[name]!;
  const kind = kindOf(fact.type);
  const absent = fact.required ? [] : [undefined];
  const assign = (record: Record_, value: unknown) => {
    if (value === undefined) delete record[name];
    else record[name] = value;
  };
  const slot = recordSlotValues(fact, kind, absent);
  return { name, fact: name, kind, ...slot, fits: (value) => fitsFact(fact, value), assign };
}

type SlotValues = Pick<Slot, 'allowed' | 'edges' | 'literals' | 'wrongLiterals'>;

function recordSlotValues(fact: FactDefinition, kind: Kind, absent: undefined[]): SlotValues {
  switch (kind) {
    case 'number': {
      const min = typeof fact.min === 'number' ? fact.min : -50;
      const max = typeof fact.max === 'number' ? fact.max : 1000;
      const candidates = [min, max, 0, -1, 1, 2.5, 3, 5, 10, -2.5, 0.5];
      const inRange = candidates.filter((value) => value >= min && value <= max && (fact.type !== 'integer' || Number.isInteger(value)));
      return { edges: [...absent, ...new Set(inRange)], literals: NUMBER_LITERALS, wrongLiterals: ['5', true] };
    }
    case 'boolean':
      return { edges: [...absent, true, false], literals: [true, false], wrongLiterals: ['true', 1] };
    case 'date': {
      const bounds = [fact.min, fact.max].filter((bound): bound is string => typeof bound === 'string');
      const edges = [
        ...absent,
        ...new Set(
          [...bounds, '2020-02-29', '2020-03-01', '1999-12-31'].filter((day) =>
            withinDates(day, [fact.min as string | undefined, fact.max as string | undefined]),
          ),
        ),
      ];
      return { edges, literals: DATE_LITERALS, wrongLiterals: ['2024-13-01', 20200229, '29/02/2020'] };
    }
    case 'string': {
      if (fact.enum) {
        return { allowed: fact.enum, edges: [...absent, ...fact.enum], literals: fact.enum, wrongLiterals: ['unknown-value', 5] };
      }
      // Free text: values that contain one another, where a substring search would show.
      return { edges: [...absent, '', 'soe', 'so', 'a soe b'], literals: ['', 'soe', 'a soe b'], wrongLiterals: [5, false] };
    }
  }
}

function fitsFact(fact: FactDefinition, value: unknown): boolean {
  if (value === undefined) return !fact.required;
  switch (fact.type) {
    case 'number':
    case 'integer':
      return (
        typeof value === 'number' &&
        (typeof fact.min !== 'number' || value >= fact.min) &&
        (typeof fact.max !== 'number' || value <= fact.max) &&
        (fact.type === 'number' || Number.isInteger(value))
      );
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return (
        typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(value) &&
        withinDates(
          value,
          [fact.min, fact.max].map((bound) => bound as string),
        )
      );
    case 'string':
      return typeof value === 'string' && (!fact.enum || fact.enum.includes(value));
  }
}

function withinDates(day: string, [min, max]: (string | undefined)[]): boolean {
  return (min === undefined || day >= min) && (max === undefined || day <= max);
}

// The scope facts, steered through growthPoints and vip (see conformancePolicy).
function setScore(record: Record_, score: unknown): void {
  const value = score as number;
  const vip = value > 10;
  record['vip'] = vip;
  record['growthPoints'] = vip ? value - VIP_POINTS : value;
}

const SCORE: Slot = {
  name: 'score',
  fact: 'score',
  kind: 'number',
  edges: [0, 4.5, 5, 9.75, 10, 15],
  literals: NUMBER_LITERALS,
  wrongLiterals: ['10', false],
  fits: (value) => typeof value === 'number' && value >= 0 && value <= 10 + VIP_POINTS,
  assign: setScore,
};

const TIER_SCORES: Record<string, number> = { A: TIER_A_FROM, B: 7, none: 2 };

const TIER: Slot = {
  name: 'tier',
  fact: 'tier',
  kind: 'string',
  allowed: ['A', 'B'],
  edges: ['A', 'B', null],
  literals: ['A', 'B'],
  wrongLiterals: ['Z', 1],
  fits: (value) => value === null || value === 'A' || value === 'B',
  assign: (record, tier) => setScore(record, TIER_SCORES[typeof tier === 'string' ? tier : 'none']),
};

const GROWTH_POINTS: Slot = {
  name: 'points $.growth',
  fact: 'points',
  path: '$.growth',
  kind: 'number',
  edges: [0, 0.5, 5, 10],
  literals: NUMBER_LITERALS,
  wrongLiterals: ['5'],
  fits: (value) => typeof value === 'number' && value >= 0 && value <= 10,
  assign: (record, points) => {
    record['growthPoints'] = points;
  },
};

const BONUS_POINTS: Slot = {
  name: 'points $.constructor',
  fact: 'points',
  path: '$.constructor',
  kind: 'number',
  edges: [0, VIP_POINTS],
  literals: NUMBER_LITERALS,
  wrongLiterals: [true],
  fits: (value) => value === 0 || value === VIP_POINTS,
  assign: (record, points) => {
    record['vip'] = points === VIP_POINTS;
  },
};

/** Every slot a well-formed condition may read. */
export const SLOTS: readonly Slot[] = [...Object.keys(FACTS).map(recordSlot), SCORE, TIER, GROWTH_POINTS, BONUS_POINTS];
