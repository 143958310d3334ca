import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, type CompiledPolicy, type Decision } from '../src/index.js';
import { recordArbitrary } from './support/record-arbitrary.js';
import { shippedPolicy } from './support/policies.js';

let policy: CompiledPolicy;
beforeAll(async () => {
  policy = await shippedPolicy('default');
});

function decide(record: unknown): Decision {
  const evaluation = evaluate(policy, record);
  if (!evaluation.ok) throw new Error(`valid record refused: ${JSON.stringify(evaluation.errors)}`);
  return evaluation.decision;
}

const TIER_ORDER = ['A', 'B', 'C'];

describe('properties of the default policy over any valid customer', () => {
  it('keeps the score within 0..100 and equal to the sum of its breakdown', () => {
    fc.assert(
      fc.property(recordArbitrary(policy), (record) => {
        const decision = decide(record);
        expect(decision.score).toBeGreaterThanOrEqual(0);
        expect(decision.score).toBeLessThanOrEqual(100);
        const sum = decision.breakdown.reduce((total, line) => total + line.points, 0);
        expect(decision.score).toBeCloseTo(sum, 9);
        for (const line of decision.breakdown) expect(line.points).toBeLessThanOrEqual(line.max);
      }),
      { numRuns: 2000 },
    );
  });

  it('never gives a lower tier to a higher score', () => {
    fc.assert(
      fc.property(recordArbitrary(policy), recordArbitrary(policy), (first, second) => {
        const [high, low] = [decide(first), decide(second)].sort((a, b) => b.score! - a.score!);
        expect(TIER_ORDER.indexOf(high!.tier!)).toBeLessThanOrEqual(TIER_ORDER.indexOf(low!.tier!));
      }),
      { numRuns: 2000 },
    );
  });

  it('lets a blacklisted or long-overdue customer keep only the blacklist and its queue place', () => {
    const blacklistable = recordArbitrary(policy).chain((record) =>
      fc.oneof(
        fc.constant({ ...record, blacklisted: true }),
        fc.integer({ min: 181, max: 5000 }).map((daysOverdue) => ({ ...record, daysOverdue })),
      ),
    );
    fc.assert(
      fc.property(blacklistable, (record) => {
        const decision = decide(record);
        expect(Object.keys(decision.treatments).sort()).toEqual(['blacklist', 'queue']);
        expect(decision.treatments['queue']).toEqual({ priority: 99, greenChannel: false });
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same facts the same decision and hash, whatever the key order', () => {
    fc.assert(
      fc.property(recordArbitrary(policy), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(JSON.stringify(decide(reversed))).toBe(JSON.stringify(decide(record)));
      }),
      { numRuns: 1000 },
    );
  });

  it('hashes a policy the same however its JSON is laid out', () => {
    const reordered = reorderKeysDeep(structuredClone(policy.document)) as Record<string, unknown>;
    const reparsed = JSON.parse(JSON.stringify(reordered, null, 4)) as unknown;
    expect(compilePolicy(reparsed).ref.hash).toBe(policy.ref.hash);
  });

  it('changes the hash when a rule changes, and not when only the version number does', () => {
    const copy = structuredClone(policy.document);
    copy.version = 7;
    expect(compilePolicy(copy).ref.hash).toBe(policy.ref.hash);
    const tiers = copy.grading.tiers;
    tiers[0] = { ...tiers[0]!, conditions: { all: [{ fact: 'score', operator: 'greaterThanInclusive', value: 80 }] } };
    expect(compilePolicy(copy).ref.hash).not.toBe(policy.ref.hash);
  });
});

function reorderKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorderKeysDeep);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, child]) => [key, reorderKeysDeep(child)]),
  );
}
