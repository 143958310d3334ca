import { describe, expect, it } from 'vitest';
import { evaluate, Population, trace, validateRecord, type CompiledPolicy, type NormalizedFacts } from '../src/index.js';
import { SHIPPED_POLICIES, shippedPolicy } from './support/policies.js';
import { sampleGradingTimes } from './support/grading-time-arbitrary.js';
import { sampleRecords } from './support/record-arbitrary.js';

const CUSTOMERS = 100_000;

// The compiled evaluator must give exactly json-rules-engine's answers. The
// oracle is `trace`, which runs every condition through json-rules-engine; the
// decisions are compared whole (tier, score, breakdown, treatments, explanation,
// downgrade protection), and so is the standing each hands back: every customer
// comes with a random standing before the grading (or none).
describe.each(SHIPPED_POLICIES)('compiled evaluator against json-rules-engine: %s', (name) => {
  it(`agrees on ${CUSTOMERS.toLocaleString('en')} random customers`, async () => {
    const policy = await shippedPolicy(name);
    const records = sampleRecords(policy, CUSTOMERS, seedOf(name));
    const times = sampleGradingTimes(policy, CUSTOMERS, seedOf(name) + 1);
    const population =
      policy.population.size > 0
        ? Population.of(
            policy,
            records.map((record) => factsOf(policy, record)),
          )
        : undefined;
    let disagreements = 0;
    const firstDisagreements: unknown[] = [];
    const tiers = new Map<string | null, number>();
    let held = 0;
    for (const [i, record] of records.entries()) {
      const options = { population, ...times[i] };
      const fast = evaluate(policy, record, options);
      const oracle = await trace(policy, record, options);
      if (!fast.ok || !oracle.ok) throw new Error(`valid record refused: ${JSON.stringify(record)}`);
      tiers.set(fast.decision.tier, (tiers.get(fast.decision.tier) ?? 0) + 1);
      if (fast.decision.protection) held += 1;
      const [mine, theirs] = [
        { decision: fast.decision, standing: fast.standing },
        { decision: oracle.decision, standing: oracle.standing },
      ];
      if (JSON.stringify(mine) !== JSON.stringify(theirs)) {
        disagreements += 1;
        if (firstDisagreements.length < 3) firstDisagreements.push({ record, options: times[i], fast: mine, oracle: theirs });
      }
    }
    expect(firstDisagreements).toEqual([]);
    expect(disagreements).toBe(0);
    // Under downgrade protection, protection must hold often enough to be compared.
    if (policy.document.grading.downgradeProtection) expect(held).toBeGreaterThan(CUSTOMERS / 20);
    // The sample must reach every tier, or the comparison proves little.
    expect([...tiers.keys()].sort()).toEqual(policy.document.grading.tiers.map((tier) => tier.id).sort());
  });
});

function factsOf(policy: CompiledPolicy, record: unknown): NormalizedFacts {
  const check = validateRecord(record, policy.catalogue);
  if (!check.ok) throw new Error(JSON.stringify(check.errors));
  return check.facts;
}

function seedOf(name: string): number {
  return [...name].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) | 0, 7);
}
