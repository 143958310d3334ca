import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { BIN, CLI_ROOT, SEED_POLICY } from './cli-harness.js';

const RECORDS = 1_000_000;
const NATURES = ['government', 'soe', 'joint-stock', 'private'];

function customerLine(i: number): string {
  return JSON.stringify({
    customerId: `c${i}`,
    nature: NATURES[i % 4],
    strength: i % 16,
    growth: (i * 7) % 16,
    profitContribution: (i * 3) % 16,
    relationship: i % 21,
    strategicImportance: (i * 5) % 21,
    balance: i % 10_000,
    blacklisted: i % 997 === 0,
  });
}

describe('tierwise evaluate, streaming', () => {
  // A 64 MB heap cannot hold a million records or decisions (~400 MB of JSON
  // out): finishing proves the CLI streams in bounded memory. No timing asserted.
  it('decides 1,000,000 records piped through stdin with a 64 MB heap', async () => {
    const child = spawn(process.execPath, ['--max-old-space-size=64', BIN, 'evaluate', '--policy', SEED_POLICY, '--facts', '-'], {
      cwd: CLI_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let outputLines = 0;
    let lastLine = '';
    let tail = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (let at = chunk.indexOf('\n'); at !== -1; at = chunk.indexOf('\n', at + 1)) outputLines += 1;
      // Keep only the end of the stream, to check the last decision.
      const text = tail + chunk;
      const lastBreak = text.lastIndexOf('\n', text.length - 2);
      tail = text.slice(lastBreak + 1);
      if (text.endsWith('\n')) lastLine = tail.trimEnd();
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const closed = once(child, 'close');

    // Generate the input on the fly, a thousand lines a write, waiting whenever the pipe is full.
    for (let i = 0; i < RECORDS;) {
      let batch = '';
      for (const end = Math.min(i + 1000, RECORDS); i < end; i++) batch += customerLine(i) + '\n';
      if (!child.stdin.write(batch)) await once(child.stdin, 'drain');
    }
    child.stdin.end();

    const [code] = (await closed) as [number | null];
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(outputLines).toBe(RECORDS);
    expect(JSON.parse(lastLine)).toMatchObject({ customerId: `c${RECORDS - 1}` });
  }, 300_000);
});
