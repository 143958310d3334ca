import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(CLI_ROOT, 'bin', 'tierwise.js');
export const SEED_POLICY = fileURLToPath(new URL('../../../rules/default', import.meta.url));
export const SAMPLES = join(SEED_POLICY, 'samples');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in a child process, optionally feeding `stdin`. */
export function runCli(
  args: string[],
  options: { stdin?: string; nodeArgs?: string[]; env?: Record<string, string> } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
      cwd: CLI_ROOT,
      env: { ...process.env, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    // A command that exits without reading stdin (help, bad arguments) closes the pipe early.
    child.stdin.on('error', () => {});
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** The JSON lines a command printed. */
export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export function toJsonl(records: readonly unknown[]): string {
  return records.map((record) => JSON.stringify(record)).join('\n') + '\n';
}

/** A folder for one spec's files, removed by the returned cleanup. */
export function scratchFolder(): { path: (name: string) => string; write: (name: string, text: string) => string; remove: () => void } {
  const folder = mkdtempSync(join(tmpdir(), 'tierwise-cli-spec-'));
  return {
    path: (name) => join(folder, name),
    write: (name, text) => {
      const file = join(folder, name);
      writeFileSync(file, text);
      return file;
    },
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

export interface SeedCustomer {
  customerId?: unknown;
  nature?: unknown;
  strength?: unknown;
  growth?: unknown;
  profitContribution?: unknown;
  relationship?: unknown;
  strategicImportance?: unknown;
  balance?: unknown;
  daysOverdue?: unknown;
  blacklisted?: unknown;
  upgradePotential?: unknown;
  [fact: string]: unknown;
}

/**
 * A customer of the seed policy scoring exactly 75 (soe 15 + 15 + 10 + 10 + 15 + 10),
 * the lowest score of tier A; override facts to move it.
 */
export function seedCustomer(overrides: SeedCustomer = {}): SeedCustomer {
  return {
    customerId: 'c-75',
    nature: 'soe',
    strength: 15,
    growth: 10,
    profitContribution: 10,
    relationship: 15,
    strategicImportance: 10,
    ...overrides,
  };
}
