import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// vitest global setup: the specs spawn bin/tierwise.js, which runs dist/, so
// build dist from the current source first.
export default function buildCli(): void {
  const require = createRequire(import.meta.url);
  const policyEntry = require.resolve('@tierwise/policy');
  if (!existsSync(policyEntry)) throw new Error(`${policyEntry} is missing: build packages/policy first (npm run build)`);
  const cliRoot = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: cliRoot,
    stdio: 'inherit',
  });
}
