import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLES, SEED_POLICY, jsonLines, runCli, scratchFolder } from './cli-harness.js';

const HEADER =
  'customerId,nature,strength,growth,profitContribution,relationship,strategicImportance,balance,daysOverdue,blacklisted,upgradePotential';

describe('tierwise evaluate, CSV', () => {
  const scratch = scratchFolder();
  afterAll(() => scratch.remove());

  it('reads cells by their fact types; an empty cell leaves the fact absent', async () => {
    const csv = [
      HEADER,
      'score-75,soe,15,10,10,15,10,,,,',
      'score-74,soe, 14 ,10,10,15,10.0,,0,no,',
      'blacklisted,soe,15,10,10,15,10,100000,,YES,0',
      'small-fee,private,2,10,10,15,10,800,12,false,no',
      'no-fee,private,2,10,10,15,10,800,12,0,1',
    ].join('\r\n');
    const result = await runCli(['evaluate', '--policy', SEED_POLICY, '--facts', scratch.write('customers.csv', csv)]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const decisions = jsonLines(result.stdout);
    expect(decisions.map((decision) => [decision['customerId'], decision['tier'], decision['score']])).toEqual([
      ['score-75', 'A', 75],
      ['score-74', 'B', 74],
      ['blacklisted', 'A', 75],
      ['small-fee', 'C', 52],
      ['no-fee', 'C', 52],
    ]);
    expect(Object.keys(decisions[2]!['treatments'] as object)).toContain('blacklist');
    expect(decisions[3]!['treatments']).toHaveProperty('fee');
    expect(decisions[4]!['treatments']).not.toHaveProperty('fee');
  });

  it('reports a cell that cannot be read as its record error, with the physical line, and exits 2', async () => {
    const csv = [
      HEADER,
      '',
      'bad-cells,soe,twelve,10,10,15,10,"1,000",1.5,maybe,',
      '"multi',
      'line",soe,15,10,10,15,10,,,,',
      'short-row,soe,15',
      'after,soe,15,10,10,15,10,,,,',
    ].join('\n');
    const result = await runCli(['evaluate', '--policy', SEED_POLICY, '--facts', scratch.write('bad.csv', csv)]);
    expect(result.code).toBe(2);
    const lines = jsonLines(result.stdout);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({
      customerId: 'bad-cells',
      line: 3,
      errors: [
        { path: '/strength', message: '\'strength\' must be a number, not "twelve"' },
        { path: '/balance', message: '\'balance\' must be a number, not "1,000"' },
        { path: '/daysOverdue', message: "'daysOverdue' must be a whole number, not 1.5" },
        { path: '/blacklisted', message: '\'blacklisted\' must be true, false, yes, no, 1 or 0, not "maybe"' },
      ],
    });
    expect(lines[1]).toMatchObject({ customerId: 'multi\nline', tier: 'A' });
    expect(lines[2]).toEqual({
      customerId: 'short-row',
      line: 6,
      errors: [{ path: '', message: 'the row has 3 cells but the header has 11 columns' }],
    });
    expect(lines[3]).toMatchObject({ customerId: 'after', tier: 'A' });
  });

  it('reads CSV from stdin with --format csv', async () => {
    const csv = `${HEADER}\nfrom-stdin,government,15,10,10,15,10,,,,\n`;
    const result = await runCli(['evaluate', '--policy', SEED_POLICY, '--facts', '-', '--format', 'csv'], { stdin: csv });
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout)).toMatchObject([{ customerId: 'from-stdin', tier: 'A', score: 75 }]);
  });

  it('decides the CSV samples exactly as the same customers in JSON lines', async () => {
    const fromCsv = jsonLines((await runCli(['evaluate', '-p', SEED_POLICY, '-f', `${SAMPLES}/customers.csv`])).stdout);
    const fromJsonl = jsonLines((await runCli(['evaluate', '-p', SEED_POLICY, '-f', `${SAMPLES}/customers.jsonl`])).stdout);
    expect(fromCsv.length).toBeGreaterThanOrEqual(25);
    const byId = new Map(fromJsonl.map((decision) => [decision['customerId'], decision]));
    for (const decision of fromCsv) expect(decision).toEqual(byId.get(decision['customerId']));
  });

  it('refuses a header with a repeated column, exit 1', async () => {
    const csv = 'customerId,strength,strength\nc1,1,2\n';
    const result = await runCli(['evaluate', '--policy', SEED_POLICY, '--facts', scratch.write('twice.csv', csv)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("line 1: column 'strength' appears twice in the CSV header");
  });

  it('refuses a CSV it cannot parse, exit 1', async () => {
    const csv = `${HEADER}\n"unclosed,soe,15,10,10,15,10,,,,\n`;
    const result = await runCli(['evaluate', '--policy', SEED_POLICY, '--facts', scratch.write('unclosed.csv', csv)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the CSV input cannot be read');
  });
});
