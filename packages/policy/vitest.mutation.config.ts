import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// What StrykerJS runs for every mutant. The differential test (100,000 customers
// per shipped policy through json-rules-engine, ~2 minutes) and the concurrency
// test (3,000 overlapping traces) stay in `npm test`; here
// test/mutation/differential-sample.spec.ts compares the two evaluators on a
// smaller sample, so a mutant that makes them disagree still dies in seconds.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['test/differential.spec.ts', 'test/concurrency.spec.ts', '**/node_modules/**'],
      reporters: ['default'],
      outputFile: {},
    },
  }),
);
