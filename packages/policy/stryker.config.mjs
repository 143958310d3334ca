// StrykerJS over the policy language: `npm run test:mutation` (not part of `npm test`).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // The fast suite: everything but the 100,000-customer differential and the concurrency tests.
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: ['src/**/*.ts', '!src/**/*.spec.ts', '!src/testing/**'],
  // A 2-core machine shared with others.
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // With --incremental, mutants whose code and tests did not change keep their last result.
  incrementalFile: 'reports/stryker-incremental.json',
  // Sandboxes are copies of this package. Placed two levels below the repository
  // root, as the package is, every relative path out of it (tsconfig's extends,
  // the specs' ../../rules) resolves unchanged, so Stryker must not rewrite the
  // tsconfig for a deeper sandbox: it is pointed at a file that does not exist.
  tempDirName: '../../.stryker-tmp',
  tsconfigFile: 'no-tsconfig-rewrite.json',
  cleanTempDir: 'always',
  // The specs compile shipped policies in beforeAll, so much of the compiler also
  // runs outside any one test. A mutant reached only there ("static") would need
  // the whole suite re-run with a fresh module graph, several seconds each here;
  // such mutants are reported as Ignored and left out of the score. Mutants that
  // tests also reach ("hybrid") still run against those tests.
  ignoreStatic: true,
  thresholds: { high: 90, low: 85, break: 85 },
};
