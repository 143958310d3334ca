import { describe, expect, it } from 'vitest';
import { evaluate, Population, trace, validateRecord, type NormalizedFacts } from '../../src/index.js';
import { SHIPPED_POLICIES, shippedPolicy } from '../support/policies.js';
import { sampleGradingTimes } from '../support/grading-time-arbitrary.js';
import { sampleRecords } from '../support/record-arbitrary.js';

// test/differential.spec.ts on 500 customers per policy instead of 100,000: fast
// enough to run for every mutant StrykerJS makes (see vitest.mutation.config.ts),
// so a mutation in either evaluator that makes them disagree is caught in seconds.
describe.each(SHIPPED_POLICIES)('compiled evaluator against json-rules-engine, small sample: %s', (name) => {
  it('agrees on 500 random customers', async () => {
    const policy = await shippedPolicy(name);
    const records = sampleRecords(policy, 500, 1_234);
    const times = sampleGradingTimes(policy, 500, 4_321);
    const facts = records.map((record): NormalizedFacts => {
      const check = validateRecord(record, policy.catalogue);
      if (!check.ok) throw new Error(JSON.stringify(check.errors));
      return check.facts;
    });
    const population = policy.population.size > 0 ? Population.of(policy, facts) : undefined;
    const disagreements: unknown[] = [];
    for (const [i, record] of records.entries()) {
      const options = { population, ...times[i] };
      const fast = evaluate(policy, record, options);
      const oracle = await trace(policy, record, options);
      if (!fast.ok || !oracle.ok) throw new Error(`valid record refused: ${JSON.stringify(record)}`);
      const [mine, theirs] = [
        { decision: fast.decision, standing: fast.standing },
        { decision: oracle.decision, standing: oracle.standing },
      ];
      if (JSON.stringify(mine) !== JSON.stringify(theirs)) disagreements.push({ record, fast, oracle });
      if (disagreements.length === 3) break;
    }
    expect(disagreements).toEqual([]);
  });
});
