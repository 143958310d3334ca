import { defineConfig } from 'vitest/config';

// Names this run's test databases (test/support/postgres.ts); workers inherit it.
process.env['TIERWISE_TEST_RUN'] ??= String(process.pid);

export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    // Creates the migrated template database every integration spec clones.
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    hookTimeout: 60_000,
  },
});
