import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import 'reflect-metadata';
import { benchConfig, createApp, signInAs, startBenchApp } from './bench-app.js';
import { createAndLoadDatabase, dropDatabase } from './bench-database.js';
import { downloadCsv, mb } from './csv-download.js';
import type { AppConfig } from '../src/config/app-config.js';

// npx tsc -p tsconfig.build.json && npx tsx bench/tier-history-export.bench.ts [-- --entries N]:
// GET /api/v1/tier-history/export.csv at 1,000,000 entries on real PostgreSQL, over a real
// socket. The entries are written straight in SQL (generate_series); each case downloads the
// whole file and prints rows, size, time and the process's resident memory: at the start, the
// highest seen while downloading, and the highest while the client stops reading for a few
// seconds after 20 MB (backpressure: the server must stop reading pages, not buffer the rest).

const { values: args } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000000' },
    customers: { type: 'string', default: '10000' },
    // The client's pause half-way, in seconds.
    pause: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    database: { type: 'string', default: 'tierwise_bench_tier_history_export' },
  },
});
const ENTRIES = Number(args.entries);
const CUSTOMERS = Number(args.customers);
const PAUSE_MS = Number(args.pause) * 1000;
const DATABASE = args.database;
const CHUNK = 200_000;

interface Case {
  name: string;
  sort: [string, 'ASC' | 'DESC'];
  filter?: Record<string, unknown>;
}

const CASES: Case[] = [
  { name: 'everything, newest first (the list default)', sort: ['at', 'DESC'] },
  { name: 'cause regrade, by score (nullable) ascending', sort: ['score', 'ASC'], filter: { cause: 'regrade' } },
];

async function main(): Promise<void> {
  const config = benchConfig(DATABASE);
  if (!args.reuse) await createAndLoad(config);
  const app = await startBenchApp(config);
  try {
    const token = await signInAs(app, 'auditor');
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.getHttpServer().address() as AddressInfo;
    console.log(
      `\ntier history CSV export over HTTP, ${ENTRIES.toLocaleString('en')} entries; the client stops reading for ${args.pause} s after 20 MB`,
    );
    console.log(
      `(V8 heap limit ${mb(getHeapStatistics().heap_size_limit)} MB: a smaller --max-old-space-size shows the file is never held)`,
    );
    console.log('| case | rows | MB | seconds | rows/s | RSS MB at start | peak RSS MB | peak RSS MB in the pause | peak heap MB |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const exportCase of CASES) {
      const query = new URLSearchParams({ sort: JSON.stringify(exportCase.sort), filter: JSON.stringify(exportCase.filter ?? {}) });
      const result = await downloadCsv(`http://127.0.0.1:${port}/api/v1/tier-history/export.csv?${query.toString()}`, token, PAUSE_MS);
      console.log(
        `| ${exportCase.name} | ${result.rows.toLocaleString('en')} | ${mb(result.bytes)} | ${(result.ms / 1000).toFixed(1)} | ` +
          `${Math.round(result.rows / (result.ms / 1000)).toLocaleString('en')} | ${mb(result.rssStart)} | ${mb(result.rssPeak)} | ${mb(result.rssPausePeak)} | ${mb(result.heapPeak)} |`,
      );
    }
  } finally {
    await app.close();
    if (!args.keep && !args.reuse) await dropDatabase(DATABASE);
  }
}

async function createAndLoad(config: AppConfig): Promise<void> {
  await createAndLoadDatabase(createApp, config, DATABASE, async (client) => {
    const started = Date.now();
    await client.query(
      `INSERT INTO customers (id, name, facts) SELECT 'E-' || n, 'Export ' || n, '{}'::jsonb FROM generate_series(1, $1::int) AS n`,
      [CUSTOMERS],
    );
    for (let from = 1; from <= ENTRIES; from += CHUNK) {
      const to = Math.min(ENTRIES, from + CHUNK - 1);
      // Facts shaped like the seed scorecard's; at spread over a year with repeats; some null tiers and scores.
      await client.query(
        `INSERT INTO tier_history (customer_id, previous_tier, new_tier, score, policy_id, policy_version, policy_hash, facts, cause, actor, at)
           SELECT 'E-' || (1 + n % $3::int), (ARRAY['A', 'B', 'C', NULL])[1 + n % 4], (ARRAY['A', 'B', 'C'])[1 + n % 3],
                  CASE WHEN n % 50 = 0 THEN NULL ELSE ((n % 100003) * 7919 % 100)::float8 END,
                  p.policy_id, p.version, p.hash,
                  jsonb_build_object('nature', 'private', 'strength', n % 15, 'growth', n % 13, 'profitContribution', n % 11,
                    'relationship', n % 20, 'strategicImportance', n % 19, 'balance', n * 13 % 1000000, 'daysOverdue', 0,
                    'blacklisted', false, 'upgradePotential', n % 2 = 0),
                  (ARRAY['policy-publish', 'fact-change', 'manual-override', 'regrade'])[1 + n % 4], 'user:bench',
                  timestamptz '2026-01-01' + (n * 31 % 31536000) * interval '1 second'
           FROM generate_series($1::int, $2::int) AS n,
                (SELECT policy_id, version, hash FROM policy_versions WHERE status = 'published' LIMIT 1) AS p`,
        [from, to, CUSTOMERS],
      );
      process.stdout.write(`  ${to.toLocaleString('en')} entries\n`);
    }
    await client.query('VACUUM ANALYZE tier_history');
    console.log(`loaded ${ENTRIES.toLocaleString('en')} tier history entries in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
}

await main();
