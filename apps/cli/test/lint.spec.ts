import { afterAll, describe, expect, it } from 'vitest';
import { loadPolicyDocument } from '@tierwise/policy/node';
import type { PolicyDocument } from '@tierwise/policy';
import { SEED_POLICY, runCli, scratchFolder } from './cli-harness.js';

describe('tierwise lint', () => {
  const scratch = scratchFolder();
  afterAll(() => scratch.remove());

  async function brokenSeedPolicy(): Promise<string> {
    const document = structuredClone((await loadPolicyDocument(SEED_POLICY)) as PolicyDocument);
    const scorecard = document.grading.scorecard!;
    scorecard[1]!.points = { fact: 'turnover' };
    scorecard[2]!.max = 10;
    return scratch.write('broken.json', JSON.stringify(document));
  }

  it('passes the seed policy folder with exit 0', async () => {
    const result = await runCli(['lint', SEED_POLICY]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('no problems found');
    expect(result.stderr).toBe('');
  });

  it('prints every finding with its JSON pointer and exits 1', async () => {
    const result = await runCli(['lint', await brokenSeedPolicy()]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toContain("error /grading/scorecard/1/points/fact criterion 'strength' takes its points from unknown fact 'turnover'");
    expect(lines).toContain("error /grading/scorecard/2/points/fact criterion 'growth' awards 15 points but its maximum is 10");
    expect(lines.at(-1)).toMatch(/: 2 errors, 0 warnings$/);
  });

  it('prints the findings as a JSON array with --json', async () => {
    const result = await runCli(['lint', '--json', await brokenSeedPolicy()]);
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout) as { severity: string; code: string; path: string }[];
    expect(findings.map(({ severity, code, path }) => ({ severity, code, path }))).toEqual([
      { severity: 'error', code: 'unknown-fact', path: '/grading/scorecard/1/points/fact' },
      { severity: 'error', code: 'points-above-max', path: '/grading/scorecard/2/points/fact' },
    ]);
  });

  it('exits 0 on warnings alone', async () => {
    const document = structuredClone((await loadPolicyDocument(SEED_POLICY)) as PolicyDocument);
    // Suppressing a treatment type no rule gives is suspicious, not wrong.
    document.treatments![0]!.suppress = ['loyaltyGift'];
    const result = await runCli(['lint', scratch.write('warned.json', JSON.stringify(document))]);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^warning \/treatments\/0\/suppress\/0 rule 'key-account' suppresses 'loyaltyGift'/);
    expect(lines.at(-1)).toMatch(/: 0 errors, 1 warning$/);
    expect(result.code).toBe(0);
  });

  it('reports a missing policy on stderr with exit 1', async () => {
    const result = await runCli(['lint', scratch.path('nowhere.json')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('no policy file or folder at');
  });

  it('reports a policy that is not JSON on stderr with exit 1', async () => {
    const result = await runCli(['lint', scratch.write('bad.json', '{ "id": "x", ')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad.json is not valid JSON');
  });
});
