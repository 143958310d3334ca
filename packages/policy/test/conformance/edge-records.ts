import type { ConditionCase } from './condition-cases.js';
import type { Record_, Slot } from './slots.js';

// The records a condition is tried on: its slot absent (where it may be), at each
// edge (bounds, zero, negatives, each enum value, each tier), at the literal it is
// compared with and just either side; for a fact reference, both absent, one
// absent, equal and unequal pairs. Every record is valid for the policy.

const BASE: Readonly<Record_> = { customerId: 'c-conformance', amount: 1, growthPoints: 7 };

/** At most this many records per condition keeps the suite at a few thousand runs. */
const PER_CONDITION = 4;

export function edgeRecords(testCase: ConditionCase, index: number): Record_[] {
  const { left, right } = testCase;
  if (!left) return [];
  const pairs: [unknown, unknown][] = [];
  if (right) {
    const shared = left.edges.filter((value) => value !== undefined && right.edges.includes(value));
    pairs.push([undefined, undefined], [shared[index % Math.max(shared.length, 1)], shared[index % Math.max(shared.length, 1)]]);
    for (let i = 0; i < PER_CONDITION; i += 1) pairs.push([pick(left.edges, index + i), pick(right.edges, index * 7 + i * 3)]);
  } else {
    const compared = literalsOf(testCase).filter((value) => left.fits(value));
    const near = compared
      .flatMap((value) => (typeof value === 'number' ? [value - 1, value + 0.5] : []))
      .filter((value) => left.fits(value));
    const values = [...new Set([undefined, ...compared, ...near, ...rotate(left.edges, index)])];
    for (const value of values) pairs.push([value, undefined]);
  }
  const records: Record_[] = [];
  const seen = new Set<string>();
  for (const [leftValue, rightValue] of pairs) {
    if (records.length >= PER_CONDITION) break;
    const record = { ...BASE };
    assignIfAllowed(left, record, leftValue);
    if (right) assignIfAllowed(right, record, rightValue);
    const key = JSON.stringify(record);
    if (!seen.has(key)) {
      seen.add(key);
      records.push(record);
    }
  }
  return records;
}

function assignIfAllowed(slot: Slot, record: Record_, value: unknown): void {
  if (slot.fits(value)) slot.assign(record, value);
}

function literalsOf(testCase: ConditionCase): unknown[] {
  const leaf =
    'all' in testCase.conditions
      ? testCase.conditions.all[0]
      : 'any' in testCase.conditions
        ? testCase.conditions.any[0]
        : testCase.conditions.not;
  const value = leaf && 'value' in leaf ? leaf.value : undefined;
  return Array.isArray(value) ? value : [value];
}

function pick(values: readonly unknown[], i: number): unknown {
  return values[i % values.length];
}

function rotate(values: readonly unknown[], by: number): unknown[] {
  const start = by % values.length;
  return [...values.slice(start), ...values.slice(0, start)];
}
