import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, type CompiledPolicy, type PolicyDocument } from '@tierwise/policy';
import { loadPolicyDocument } from '@tierwise/policy/node';
import { SAMPLES, SEED_POLICY, jsonLines, runCli, scratchFolder, seedCustomer, toJsonl } from './cli-harness.js';

const customers = [
  seedCustomer({ customerId: 'score-75' }),
  seedCustomer({ customerId: 'score-74', strength: 14 }),
  seedCustomer({ customerId: 'score-59', nature: 'private', strength: 10, relationship: 14 }),
  seedCustomer({ customerId: 'blacklisted', blacklisted: true }),
  seedCustomer({ customerId: 'overdue-200', daysOverdue: 200 }),
  seedCustomer({ customerId: 'small-balance', nature: 'private', strength: 2, balance: 800 }),
];

describe('tierwise evaluate, JSON lines', () => {
  const scratch = scratchFolder();
  let seed: CompiledPolicy;
  beforeAll(async () => {
    seed = compilePolicy(await loadPolicyDocument(SEED_POLICY));
  });
  afterAll(() => scratch.remove());

  it('prints each decision as the library makes it, in input order, and exits 0', async () => {
    const facts = scratch.write('customers.jsonl', toJsonl(customers));
    const result = await runCli(['evaluate', '--policy', SEED_POLICY, '--facts', facts]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const decisions = jsonLines(result.stdout);
    expect(decisions.map((decision) => [decision['customerId'], decision['tier'], decision['score']])).toEqual([
      ['score-75', 'A', 75],
      ['score-74', 'B', 74],
      ['score-59', 'C', 59],
      ['blacklisted', 'A', 75],
      ['overdue-200', 'A', 75],
      ['small-balance', 'C', 52],
    ]);
    expect(decisions).toEqual(customers.map((customer) => library(seed, customer)));
    expect(Object.keys(decisions[3]!['treatments'] as object)).toEqual(['blacklist', 'queue']);
    expect(decisions[4]!['treatments']).toMatchObject({ blacklist: { reason: 'payment more than 180 days overdue' } });
    expect(decisions[5]!['treatments']).toMatchObject({ fee: { amount: 40, currency: 'HKD' } });
  });

  it('reports each invalid record with its line and every problem, decides the rest, and exits 2', async () => {
    const input = [
      JSON.stringify(seedCustomer({ customerId: 'first' })),
      '',
      JSON.stringify({ customerId: 'many-problems', nature: 'ngo', strength: '12', turnover: 5 }),
      '{"customerId": "cut-off", "nature": ',
      '[1, 2]',
      JSON.stringify(seedCustomer({ customerId: 'overdue-type', daysOverdue: 1.5 })),
      JSON.stringify(seedCustomer({ customerId: 'last', strength: 14 })),
    ].join('\n');
    const result = await runCli(['evaluate', '--policy', SEED_POLICY, '--facts', scratch.write('mixed.jsonl', input)]);
    expect(result.code).toBe(2);
    const lines = jsonLines(result.stdout);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatchObject({ customerId: 'first', tier: 'A' });
    expect(lines[1]).toEqual({
      customerId: 'many-problems',
      line: 3,
      errors: [
        { path: '/turnover', message: "unknown fact 'turnover'" },
        { path: '/nature', message: expect.stringContaining('"ngo"') as string },
        { path: '/strength', message: '\'strength\' must be a number, not "12"' },
        { path: '/growth', message: "'growth' (Growth) is required" },
        { path: '/profitContribution', message: "'profitContribution' (Profit contribution) is required" },
        { path: '/relationship', message: "'relationship' (Relationship) is required" },
        { path: '/strategicImportance', message: "'strategicImportance' (Strategic importance) is required" },
      ],
    });
    expect(lines[2]).toEqual({
      customerId: null,
      line: 4,
      errors: [{ path: '', message: expect.stringContaining('not valid JSON') as string }],
    });
    expect(lines[3]).toEqual({
      customerId: null,
      line: 5,
      errors: [{ path: '', message: 'a customer record must be an object of facts' }],
    });
    expect(lines[4]).toEqual({
      customerId: 'overdue-type',
      line: 6,
      errors: [{ path: '/daysOverdue', message: "'daysOverdue' must be a whole number, not 1.5" }],
    });
    expect(lines[5]).toMatchObject({ customerId: 'last', tier: 'B', score: 74 });
  });

  it('reads stdin with --facts -', async () => {
    const fromFile = await runCli(['evaluate', '-p', SEED_POLICY, '-f', scratch.write('stdin.jsonl', toJsonl(customers))]);
    const fromStdin = await runCli(['evaluate', '-p', SEED_POLICY, '-f', '-'], { stdin: toJsonl(customers) });
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    expect(jsonLines(fromStdin.stdout)).toHaveLength(customers.length);
  });

  it('decides every sample customer shipped with the seed policy', async () => {
    const result = await runCli(['evaluate', '--policy', SEED_POLICY, '--facts', `${SAMPLES}/customers.jsonl`]);
    expect(result.code).toBe(0);
    const decisions = jsonLines(result.stdout);
    expect(decisions).toHaveLength(200);
    const tiers = new Set(decisions.map((decision) => decision['tier']));
    expect(tiers).toEqual(new Set(['A', 'B', 'C']));
    const treatments = decisions.map((decision) => decision['treatments'] as Record<string, unknown>);
    expect(treatments.filter((given) => 'blacklist' in given).length).toBeGreaterThanOrEqual(3);
    expect(treatments.filter((given) => 'fee' in given).length).toBeGreaterThanOrEqual(3);
  });

  it('evaluates nothing when the policy fails lint: findings on stderr, exit 1', async () => {
    const document = structuredClone((await loadPolicyDocument(SEED_POLICY)) as PolicyDocument);
    document.grading.scorecard![0]!.max = 5;
    const policy = scratch.write('failing-policy.json', JSON.stringify(document));
    const result = await runCli(['evaluate', '--policy', policy, '--facts', '-'], { stdin: toJsonl(customers) });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("error /grading/scorecard/0/points/bands/0/points criterion 'nature'");
    expect(result.stderr).toContain('nothing was evaluated');
  });

  it.each([
    [['--facts', '-'], '--policy is required'],
    [['--policy', SEED_POLICY], '--facts is required'],
    [['--policy', SEED_POLICY, '--facts', 'customers.xlsx'], 'add --format jsonl or --format csv'],
    [['--policy', SEED_POLICY, '--facts', '-', '--format', 'xml'], '--format must be jsonl or csv'],
    [['--policy', SEED_POLICY, '--facts', 'missing.jsonl'], 'no facts file at missing.jsonl'],
    [['--policy', SEED_POLICY, '--facts', '-', 'extra'], "Unexpected argument 'extra'"],
  ])('refuses unusable arguments %j with exit 1', async (args, message) => {
    const result = await runCli(['evaluate', ...args]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });
});

function library(policy: CompiledPolicy, record: unknown): unknown {
  const evaluation = evaluate(policy, record);
  if (!evaluation.ok) throw new Error(`expected a decision for ${JSON.stringify(record)}`);
  return JSON.parse(JSON.stringify(evaluation.decision));
}
