import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { PolicyDocument } from '@tierwise/policy';
import { jsonLines, runCli, scratchFolder, toJsonl } from './cli-harness.js';

// ABC by profit: tier A is the customers who together make the top 80% of the profit.
const ABC_POLICY: PolicyDocument = {
  id: 'abc-by-profit',
  name: { en: 'ABC by profit' },
  facts: { annualProfit: { type: 'number', required: true, label: { en: 'Annual profit' } } },
  population: {
    profitShare: { of: 'annualProfit', measure: 'cumulativeShare', label: { en: 'Cumulative share of profit' } },
  },
  grading: {
    tiers: [
      {
        id: 'A',
        label: { en: 'top 80% of profit' },
        conditions: { all: [{ fact: 'profitShare', operator: 'lessThanInclusive', value: 0.8 }] },
      },
      { id: 'B', label: { en: 'the rest' } },
    ],
  },
};

const b = { customerId: 'b', annualProfit: 30 };
const a = { customerId: 'a', annualProfit: 50 };
const c = { customerId: 'c', annualProfit: 20 };
const giant = { customerId: 'giant', annualProfit: 200 };

function tiers(stdout: string): Record<string, unknown> {
  return Object.fromEntries(
    jsonLines(stdout).map((line): [string, unknown] => [line['customerId'] as string, line['tier'] ?? line['errors']]),
  );
}

describe('tierwise evaluate, population facts', () => {
  const scratch = scratchFolder();
  const policy = scratch.write('abc.json', JSON.stringify(ABC_POLICY));
  afterAll(() => scratch.remove());

  it('ranks each customer of a file against the whole file, including customers after it', async () => {
    const small = await runCli(['evaluate', '--policy', policy, '--facts', scratch.write('small.jsonl', toJsonl([b, a, c]))]);
    expect(small.code).toBe(0);
    // b: (50 + 30) / 100 = 0.8 of the profit, inside the top 80%.
    expect(tiers(small.stdout)).toEqual({ b: 'A', a: 'A', c: 'B' });

    const withGiant = await runCli(['evaluate', '--policy', policy, '--facts', scratch.write('giant.jsonl', toJsonl([b, a, c, giant]))]);
    expect(withGiant.code).toBe(0);
    // The same b, now (200 + 50 + 30) / 300 = 0.93: a customer read after it moved it out of A.
    expect(tiers(withGiant.stdout)).toEqual({ b: 'B', a: 'B', c: 'B', giant: 'A' });
    expect(jsonLines(withGiant.stdout)[0]!['explanation']).toEqual(['no other tier applies: tier B (the rest)']);
  });

  it('spools stdin to read it twice, then deletes the spool', async () => {
    const spoolFolder = scratchFolder();
    try {
      const result = await runCli(['evaluate', '--policy', policy, '--facts', '-'], {
        stdin: toJsonl([b, a, c, giant]),
        env: { TMPDIR: spoolFolder.path('') },
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(tiers(result.stdout)).toEqual({ b: 'B', a: 'B', c: 'B', giant: 'A' });
      expect(readdirSync(spoolFolder.path(''))).toEqual([]);
    } finally {
      spoolFolder.remove();
    }
  });

  it('measures only the records it decides: invalid ones are reported, not counted', async () => {
    const input = toJsonl([b, { customerId: 'typo', annualProfit: '200' }, a, c, { customerId: 42, annualProfit: 200 }]);
    const result = await runCli(['evaluate', '--policy', policy, '--facts', '-', '--format', 'jsonl'], { stdin: input });
    expect(result.code).toBe(2);
    expect(tiers(result.stdout)).toEqual({
      b: 'A',
      typo: [{ path: '/annualProfit', message: '\'annualProfit\' must be a number, not "200"' }],
      a: 'A',
      c: 'B',
      '42': [{ path: '/customerId', message: 'customerId must be non-empty text, not 42' }],
    });
  });

  it('reads CSV from stdin twice too', async () => {
    const csv = 'customerId,annualProfit\nb,30\na,50\nc,20\ngiant,200\n';
    const result = await runCli(['evaluate', '--policy', policy, '--facts', '-', '--format', 'csv'], { stdin: csv });
    expect(result.code).toBe(0);
    expect(tiers(result.stdout)).toEqual({ b: 'B', a: 'B', c: 'B', giant: 'A' });
  });

  it('refuses a record that supplies a population fact itself', async () => {
    const result = await runCli(['evaluate', '--policy', policy, '--facts', '-'], {
      stdin: toJsonl([{ customerId: 'cheat', annualProfit: 1, profitShare: 0 }]),
    });
    expect(result.code).toBe(2);
    expect(jsonLines(result.stdout)[0]).toEqual({
      customerId: 'cheat',
      line: 1,
      errors: [{ path: '/profitShare', message: "'profitShare' is computed over all customers and cannot be supplied" }],
    });
  });
});
