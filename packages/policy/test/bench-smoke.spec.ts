import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));

// npm run bench at a smoke size: it must still run to the end and print its
// figures, so a bench broken by a change fails here. No timing is asserted.
describe('policy bench at smoke size', () => {
  it('runs with BENCH_CUSTOMERS=200, checks the engines agree, and prints every figure', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/run.ts'], {
      cwd: packageDir,
      env: { ...process.env, BENCH_CUSTOMERS: '200' },
      timeout: 240_000,
      maxBuffer: 10 * 1024 * 1024,
    });
    expect(stdout).toContain('checked: hand-written JSON identical on 200 customers');
    for (const engine of [
      'hand-written function',
      'tierwise evaluate()',
      'json-rules-engine, awaited one by one',
      'zen-engine, awaited one by one',
      'zen-engine, Promise.all x1000',
    ]) {
      expect(stdout).toMatch(new RegExp(`^${engine.replace(/[().,]/g, '\\$&')}\\s+\\d+\\s+[\\d,]+\\s`, 'm'));
    }
    expect(stdout).toMatch(/tierwise evaluate\(\) = [\d.]+x zen-engine/);
  });
});
