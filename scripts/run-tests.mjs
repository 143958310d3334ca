#!/usr/bin/env node
// The README's test command: runs every workspace's tests through turbo, then
// totals their vitest JSON reports. Fails on any failed, skipped or todo test,
// and on a workspace whose tests left no report (crashed, or never ran).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const workspaces = ['packages', 'apps']
  .flatMap((group) => (existsSync(join(root, group)) ? readdirSync(join(root, group)).map((name) => join(group, name)) : []))
  .filter((workspace) => {
    const manifest = join(root, workspace, 'package.json');
    return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).scripts?.test;
  });
const reportOf = (workspace) => join(root, workspace, 'test-results', 'vitest.json');

for (const workspace of workspaces) rmSync(reportOf(workspace), { force: true });
const turbo = spawnSync('npx', ['turbo', 'run', 'test', '--concurrency=1', '--continue', '--force', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});

let passed = 0;
let failed = 0;
let skipped = 0;
let missing = 0;
for (const workspace of workspaces) {
  if (!existsSync(reportOf(workspace))) {
    console.log(`${workspace}: no test report (the suite crashed or did not run)`);
    missing += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(reportOf(workspace), 'utf8'));
  const skips = report.numPendingTests + report.numTodoTests;
  passed += report.numPassedTests;
  failed += report.numFailedTests + report.numFailedTestSuites;
  skipped += skips;
  console.log(`${workspace}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skips} skipped`);
}
console.log(`${passed} passed, ${failed + missing} failed, ${skipped} skipped`);
const ok = turbo.status === 0 && failed === 0 && missing === 0 && skipped === 0 && passed > 0;
process.exit(ok ? 0 : 1);
