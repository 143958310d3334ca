import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import 'reflect-metadata';
import pg from 'pg';
import { benchConfig, signInAs, startBenchApp } from './bench-app.js';
import { dropDatabase, SERVER_URL, withDatabase } from './bench-database.js';
import { downloadCsv, mb } from './csv-download.js';
import { loadWithListBench } from './list-population.js';

// npm run bench:customers-export [-- --customers N]: GET /api/v1/customers/export.csv at
// 1,000,000 customers on real PostgreSQL, over a real socket. The population is the customer-list
// bench's (generate_series, the 80/20 shape, graded as the seed scorecard would, a tier set by hand
// on one in a thousand): that bench loads it (--keep), then each decision is written whole as the
// seed policy would (breakdown, treatments by tier and balance, explanation, policy), since the
// export reads its treatments out of that stored text. Each case downloads the whole file and prints
// rows, size, time and the process's resident memory: at the start, the highest seen while
// downloading, and the highest while the client stops reading for a few seconds after 20 MB.
// --reuse measures again on a database an earlier run kept (--keep), or on the customer-list
// bench's (--database tierwise_bench_customers_list), completing its decisions first if need be.

const { values: args } = parseArgs({
  options: {
    customers: { type: 'string', default: '1000000' },
    // The client's pause after 20 MB, in seconds.
    pause: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    database: { type: 'string', default: 'tierwise_bench_customers_export' },
  },
});
const CUSTOMERS = Number(args.customers);
const PAUSE_MS = Number(args.pause) * 1000;
const DATABASE = args.database;

interface Case {
  name: string;
  sort: [string, 'ASC' | 'DESC'];
  filter?: Record<string, unknown>;
}

const CASES: Case[] = [
  { name: "everything, by id (the console's default)", sort: ['id', 'ASC'] },
  { name: "everything, by name (the api's default)", sort: ['name', 'ASC'] },
  { name: 'tier C, by score desc', sort: ['score', 'DESC'], filter: { tier: 'C' } },
  { name: 'search a common word (q=Pharma), by id', sort: ['id', 'ASC'], filter: { q: 'Pharma' } },
];

async function main(): Promise<void> {
  if (!args.reuse) {
    const started = Date.now();
    await loadWithListBench(CUSTOMERS, DATABASE);
    console.log(`population ready in ${seconds(started)} (the customer-list bench's load, and its list cases once)`);
  }
  await completeDecisions();
  const app = await startBenchApp(benchConfig(DATABASE));
  try {
    const token = await signInAs(app, 'auditor');
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.getHttpServer().address() as AddressInfo;
    console.log(
      `\ncustomers CSV export over HTTP, ${CUSTOMERS.toLocaleString('en')} customers; the client stops reading for ${args.pause} s after 20 MB`,
    );
    console.log(
      `(V8 heap limit ${mb(getHeapStatistics().heap_size_limit)} MB: a smaller --max-old-space-size shows the file is never held)`,
    );
    console.log('| case | rows | MB | seconds | rows/s | RSS MB at start | peak RSS MB | peak RSS MB in the pause | peak heap MB |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const exportCase of CASES) {
      const query = new URLSearchParams({ sort: JSON.stringify(exportCase.sort), filter: JSON.stringify(exportCase.filter ?? {}) });
      const result = await downloadCsv(`http://127.0.0.1:${port}/api/v1/customers/export.csv?${query.toString()}`, token, PAUSE_MS);
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

// The seed policy's treatments (rules/default/treatments.json) for each tier; the population has no blacklist.
const TREATMENTS_A = { accountManager: { dedicated: true }, queue: { priority: 1, greenChannel: true, slaSeconds: 20, slaTarget: 0.9 } };
const TREATMENTS_B = { queue: { priority: 5, greenChannel: false, callbackWithinHours: 24, slaSeconds: 20, slaTarget: 0.85 } };
const TREATMENTS_C = { queue: { priority: 9, greenChannel: false, slaSeconds: 20, slaTarget: 0.85 } };
const TREATMENTS_C_FEE = { ...TREATMENTS_C, fee: { amount: 40, currency: 'HKD', period: 'month' } };

/**
 * Each decision the list bench stored (tier and score only) written whole, as the seed policy
 * stores one: about 1 KB of text, of which the export reads the treatments. Decisions that have
 * treatments already (an earlier run's) are left alone.
 */
async function completeDecisions(): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(SERVER_URL, DATABASE) });
  await client.connect();
  try {
    const started = Date.now();
    const points = (fact: string) => `(c.facts ->> '${fact}')::int`;
    const line = (criterion: string, value: string, max: number, reason: string) =>
      `json_build_object('criterion', '${criterion}', 'points', ${value}, 'max', ${max}, 'reason', ${reason})`;
    const nature = `CASE c.facts ->> 'nature' WHEN 'government' THEN 15 WHEN 'soe' THEN 15 WHEN 'joint-stock' THEN 10 ELSE 5 END`;
    const { rowCount } = await client.query(
      `UPDATE tier_assignments a SET decision = json_build_object(
         'customerId', a.customer_id, 'tier', a.tier, 'score', a.score,
         'breakdown', json_build_array(
           ${line('nature', nature, 15, `'customer nature ' || (c.facts ->> 'nature')`)},
           ${line('strength', points('strength'), 15, `'strength ' || (c.facts ->> 'strength') || ' of 15'`)},
           ${line('growth', points('growth'), 15, `'growth ' || (c.facts ->> 'growth') || ' of 15'`)},
           ${line('profitContribution', points('profitContribution'), 15, `'profit contribution ' || (c.facts ->> 'profitContribution') || ' of 15'`)},
           ${line('relationship', points('relationship'), 20, `'relationship ' || (c.facts ->> 'relationship') || ' of 20'`)},
           ${line('strategicImportance', points('strategicImportance'), 20, `'strategic importance ' || (c.facts ->> 'strategicImportance') || ' of 20'`)}),
         'treatments', CASE
           WHEN a.tier = 'A' THEN $1::json
           WHEN a.tier = 'B' THEN $2::json
           WHEN (c.facts ->> 'balance')::numeric < 5000 AND NOT (c.facts ->> 'upgradePotential')::boolean THEN $4::json
           ELSE $3::json END,
         'explanation', json_build_array('score ' || a.score || ' of 100 gives tier ' || a.tier, 'treatments of tier ' || a.tier),
         'policy', json_build_object('id', a.policy_id, 'version', a.policy_version, 'hash', a.policy_hash))
       FROM customers c WHERE c.id = a.customer_id AND a.decision -> 'treatments' IS NULL`,
      [TREATMENTS_A, TREATMENTS_B, TREATMENTS_C, TREATMENTS_C_FEE].map((treatments) => JSON.stringify(treatments)),
    );
    if (rowCount === 0) return;
    await client.query('VACUUM ANALYZE tier_assignments');
    console.log(`wrote ${(rowCount ?? 0).toLocaleString('en')} decisions whole in ${seconds(started)} (then VACUUM ANALYZE)`);
  } finally {
    await client.end();
  }
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

await main();
