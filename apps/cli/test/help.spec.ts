import { describe, expect, it } from 'vitest';
import { runCli } from './cli-harness.js';

describe('tierwise help and usage', () => {
  it('prints the usage on --help and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: tierwise <command>');
    expect(result.stdout).toContain('lint <policy>');
    expect(result.stdout).toContain('evaluate --policy');
  });

  it.each([
    ['lint', 'Usage: tierwise lint <policy>'],
    ['evaluate', 'Usage: tierwise evaluate --policy'],
  ])('prints the help of %s', async (command, heading) => {
    const viaFlag = await runCli([command, '--help']);
    expect(viaFlag.code).toBe(0);
    expect(viaFlag.stdout).toContain(heading);
    const viaHelp = await runCli(['help', command]);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
  });

  it('rejects an unknown command with the usage on stderr and exit 1', async () => {
    const result = await runCli(['grade']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("unknown command 'grade'");
    expect(result.stderr).toContain('Usage: tierwise <command>');
  });

  it('prints the usage on stderr and exits 1 without a command', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Usage: tierwise <command>');
  });

  it('rejects an unknown option with a pointer to the command help', async () => {
    const result = await runCli(['lint', '--strict', 'policy.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("'--strict'");
    expect(result.stderr).toContain('tierwise lint --help');
  });
});
