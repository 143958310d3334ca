import fc from 'fast-check';
import type { CatalogueFact, CompiledPolicy } from '../../src/index.js';

// Valid customer records for any policy, generated from its fact catalogue.
// Numbers favour whole values and the bounds themselves, where thresholds bite.

export function recordArbitrary(policy: CompiledPolicy): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const optional: string[] = [];
  const thresholds = thresholdsByFact(policy);
  for (const fact of policy.catalogue.values()) {
    if (fact.origin !== 'record') continue;
    model[fact.name] = valueArbitrary(fact, thresholds.get(fact.name) ?? []);
    if (!fact.required) optional.push(fact.name);
  }
  return fc.record(model, { requiredKeys: Object.keys(model).filter((name) => !optional.includes(name)) }).map((facts) => ({ ...facts }));
}

export function sampleRecords(policy: CompiledPolicy, count: number, seed: number): Record<string, unknown>[] {
  return fc.sample(recordArbitrary(policy), { numRuns: count, seed }).map((facts, i) => ({ customerId: `c-${i}`, ...facts }));
}

function valueArbitrary(fact: CatalogueFact, thresholds: number[]): fc.Arbitrary<unknown> {
  switch (fact.type) {
    case 'boolean':
      return fc.boolean();
    case 'string':
      return fact.allowed ? fc.constantFrom(...[...fact.allowed]) : fc.string({ maxLength: 12 });
    case 'date':
      return fc
        .integer({ min: fact.min ?? Date.UTC(2000, 0, 1), max: fact.max ?? Date.UTC(2030, 0, 1) })
        .map((millis) => new Date(millis - (millis % 86_400_000)).toISOString().slice(0, 10));
    case 'integer':
    case 'number':
      return numberArbitrary(fact, thresholds);
  }
}

function numberArbitrary(fact: CatalogueFact, thresholds: number[]): fc.Arbitrary<number> {
  if (fact.max === undefined) return unboundedArbitrary(fact, thresholds);
  const min = fact.min ?? -1_000_000;
  const max = fact.max;
  const whole = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  const inRange = (value: number) => value >= min && value <= max && (fact.type !== 'integer' || Number.isInteger(value));
  const near = thresholds.flatMap((value) => [value - 1, value, value + 1, value - 0.01]).filter(inRange);
  const edges = fc.constantFrom(min, max, ...near);
  if (fact.type === 'integer') return fc.oneof({ arbitrary: whole, weight: 8 }, { arbitrary: edges, weight: 1 });
  const fractional = fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((value) => (Object.is(value, -0) ? 0 : value));
  return fc.oneof({ arbitrary: whole, weight: 6 }, { arbitrary: fractional, weight: 3 }, { arbitrary: edges, weight: 1 });
}

// Amounts without an upper bound (profit, balance) are heavy-tailed and mostly
// positive in real books: a few large customers, many small, some losses.
function unboundedArbitrary(fact: CatalogueFact, thresholds: number[]): fc.Arbitrary<number> {
  const floor = fact.min ?? -Infinity;
  // Unbiased: fast-check's default bias towards bounds would pile customers onto exactly 10^7.
  const magnitude = fc.noBias(fc.double({ min: 0, max: 7, noNaN: true })).map((exponent) => Math.round(10 ** exponent));
  const signed = fc.tuple(magnitude, fc.integer({ min: 0, max: 19 })).map(([value, dice]) => (dice === 0 ? -value : value));
  const bounded = signed.map((value) => Math.max(value, Number.isFinite(floor) ? floor : value));
  const near = thresholds
    .flatMap((value) => [value - 1, value, value + 0.01])
    .filter((value) => value >= floor && (fact.type !== 'integer' || Number.isInteger(value)));
  const integral = fact.type === 'integer' ? bounded : fc.oneof(bounded, fc.double({ min: Math.max(floor, -1), max: 1, noNaN: true }));
  return near.length > 0 ? fc.oneof({ arbitrary: integral, weight: 9 }, { arbitrary: fc.constantFrom(...near), weight: 1 }) : integral;
}

/** Every number a band or condition compares a fact with: the values worth testing around. */
function thresholdsByFact(policy: CompiledPolicy): Map<string, number[]> {
  const found = new Map<string, number[]>();
  const add = (fact: string, value: unknown) => {
    if (typeof value === 'number') found.set(fact, [...(found.get(fact) ?? []), value]);
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record['fact'] === 'string' && 'operator' in record) add(record['fact'], record['value']);
    if (typeof record['fact'] === 'string' && Array.isArray(record['bands'])) {
      for (const band of record['bands'] as Record<string, unknown>[]) {
        add(record['fact'], band['atLeast']);
        add(record['fact'], band['below']);
      }
    }
    Object.values(record).forEach(visit);
  };
  visit(policy.document);
  return found;
}
