import { defineConfig } from 'vitest/config';

// Two projects: component and conversion specs beside the code, and the end-to-end suite that drives
// Debian's Chromium against the built app (api + console) on a scratch PostgreSQL database.
export default defineConfig({
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      { test: { name: 'unit', include: ['src/**/*.spec.ts', 'src/**/*.spec.tsx'] } },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
