import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, trace, type CompiledPolicy } from '../src/index.js';
import { shippedPolicy } from './support/policies.js';
import { sampleRecords } from './support/record-arbitrary.js';

let policy: CompiledPolicy;
beforeAll(async () => {
  policy = await shippedPolicy('default');
});

// json-rules-engine keeps run state on the Engine, and two overlapping runs on
// one Engine can drop rules. These runs overlap on purpose: thousands in flight
// at once over one compiled policy must answer exactly as one at a time.
describe('overlapping evaluations of one compiled policy', () => {
  const records = () => sampleRecords(policy, 3000, 42);

  it('trace gives the same decisions and traces in parallel as in sequence', async () => {
    const input = records();
    const sequential: string[] = [];
    for (const record of input) sequential.push(JSON.stringify(await trace(policy, record)));
    const parallel = await Promise.all(input.map(async (record) => JSON.stringify(await trace(policy, record))));
    expect(parallel).toEqual(sequential);
  });

  it('evaluate interleaved with in-flight traces gives the same decisions as alone', async () => {
    const input = records();
    const alone = input.map((record) => JSON.stringify(evaluate(policy, record)));
    const interleaved = await Promise.all(
      input.map(async (record, i) => {
        const traced = trace(policy, input[input.length - 1 - i]);
        const fast = JSON.stringify(evaluate(policy, record));
        await traced;
        return fast;
      }),
    );
    expect(interleaved).toEqual(alone);
  });
});
