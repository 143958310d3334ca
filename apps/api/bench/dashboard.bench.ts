import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import 'reflect-metadata';
import pg from 'pg';
import { benchConfig, signInAs, startBenchApp } from './bench-app.js';
import { dropDatabase, percentile, SERVER_URL, withDatabase } from './bench-database.js';
import type { DashboardTiersDto, ValueMatrixDto } from '../src/dashboard/dto/dashboard.dto.js';

// npm run bench:dashboard [-- --customers N]: the console's dashboard aggregates
// (GET /dashboard/tiers and /dashboard/value-matrix) at 1,000,000 customers on real
// PostgreSQL. The population is the customer-list bench's (generate_series, the 80/20
// shape, graded as the seed scorecard would): that bench loads it (--keep) with the
// dashboard's triggers running, then each aggregate is asked through the real application
// (inject), and the same figures are computed by a direct scan to compare time and result.

const { values: args } = parseArgs({
  options: {
    customers: { type: 'string', default: '1000000' },
    iterations: { type: 'string', default: '40' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    database: { type: 'string', default: process.env['TIERWISE_BENCH_DASHBOARD_DATABASE'] ?? 'tierwise_bench_dashboard' },
  },
});
const CUSTOMERS = Number(args.customers);
const ITERATIONS = Number(args.iterations);
const DATABASE = args.database;

async function main(): Promise<void> {
  if (!args.reuse) await loadWithListBench();
  const url = withDatabase(SERVER_URL, DATABASE);
  const config = benchConfig(DATABASE);
  const app = await startBenchApp(config);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const token = await signInAs(app, 'author');
    const headers = { authorization: `Bearer ${token}` };

    console.log(`\ndashboard aggregates through the application (inject), ${ITERATIONS} requests each after 3 warm-up`);
    console.log('| case | customers | p50 ms | p95 ms | max ms |');
    console.log('|---|---:|---:|---:|---:|');
    const answers: Record<string, unknown> = {};
    for (const path of ['tiers', 'value-matrix']) {
      const times: number[] = [];
      for (let i = 0; i < ITERATIONS + 3; i += 1) {
        const start = process.hrtime.bigint();
        const response = await app.inject({ method: 'GET', url: `/api/v1/dashboard/${path}`, headers });
        const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
        if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode} ${response.body}`);
        answers[path] = response.json();
        if (i >= 3) times.push(elapsed);
      }
      times.sort((a, b) => a - b);
      const customers = path === 'tiers' ? (answers[path] as DashboardTiersDto).customers : (answers[path] as ValueMatrixDto).customers;
      console.log(
        `| GET /dashboard/${path} | ${customers.toLocaleString('en')} | ${ms(percentile(times, 0.5))} | ${ms(percentile(times, 0.95))} | ${ms(times.at(-1)!)} |`,
      );
    }

    // The same figures by scanning the tables, once: what the summary rows save, and that they agree.
    const started = process.hrtime.bigint();
    const direct = await client.query<{ tier: string; customers: string; value: string }>(
      `SELECT a.tier, count(*) AS customers, sum((c.facts ->> 'balance')::numeric) AS value
         FROM customers c JOIN tier_assignments a ON a.customer_id = c.id WHERE a.tier IS NOT NULL GROUP BY a.tier ORDER BY a.tier`,
    );
    const scanMs = Number(process.hrtime.bigint() - started) / 1e6;
    const tiers = answers['tiers'] as DashboardTiersDto;
    const agree = direct.rows.every((row) => {
      const slice = tiers.tiers.find((candidate) => candidate.tier === row.tier);
      return slice !== undefined && slice.customers === Number(row.customers) && Math.abs(slice.value - Number(row.value)) < 0.01;
    });
    console.log(`\ndirect scan of the same per-tier sums: ${ms(scanMs)} ms; summary rows agree with it: ${agree ? 'yes' : 'NO'}`);
    console.log('| tier | customers | share | value | value share |');
    console.log('|---|---:|---:|---:|---:|');
    for (const slice of tiers.tiers) {
      console.log(
        `| ${slice.tier} | ${slice.customers.toLocaleString('en')} | ${pct(slice.customerShare)} | ${Math.round(slice.value).toLocaleString('en')} | ${pct(slice.valueShare)} |`,
      );
    }
    const matrix = answers['value-matrix'] as ValueMatrixDto;
    console.log(
      `quadrants (value split ${matrix.value.split}, growth split ${matrix.potential.split}): ` +
        matrix.quadrants.map((quadrant) => `${quadrant.quadrant} ${quadrant.customers.toLocaleString('en')}`).join(', '),
    );
    if (!agree) process.exitCode = 1;
  } finally {
    await client.end();
    await app.close();
    if (!args.keep) await dropDatabase(DATABASE);
  }
}

/** The customer-list bench's loader, run as that bench runs (kept database, one request per list case). */
async function loadWithListBench(): Promise<void> {
  const bench = fileURLToPath(new URL('customers-list.bench.ts', import.meta.url));
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', bench, '--customers', String(CUSTOMERS), '--iterations', '1', '--keep', '--database', DATABASE],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the customer-list bench's load exited with ${code}`))));
  });
  console.log(
    `population ready in ${((Date.now() - started) / 1000).toFixed(1)} s (load with the dashboard triggers, and the list cases once)`,
  );
}

function ms(value: number): string {
  return value.toFixed(1);
}

function pct(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

await main();
