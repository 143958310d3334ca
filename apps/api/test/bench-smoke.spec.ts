import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CLONE_PREFIX, onServer, SERVER_URL } from './support/postgres.js';

const run = promisify(execFile);
const apiDir = fileURLToPath(new URL('..', import.meta.url));
// Named like this run's other databases, so a run that dies leaves nothing behind for long (global-setup drops it).
const DATABASE = `${CLONE_PREFIX}bench`;
const LIST_DATABASE = `${CLONE_PREFIX}bench_list`;
const DASHBOARD_DATABASE = `${CLONE_PREFIX}bench_dashboard`;
const EXPORT_DATABASE = `${CLONE_PREFIX}bench_export`;
const CUSTOMERS_EXPORT_DATABASE = `${CLONE_PREFIX}bench_customers_export`;
const REGRADE_DATABASE = `${CLONE_PREFIX}bench_regrade`;

// npm run bench:api at a smoke size, exactly as a person runs it (build, then
// the bench with the api as a child process): a bench that no longer runs
// fails here. No timing is asserted: the machine is shared.
describe('API bench at smoke size', () => {
  afterAll(async () => {
    await onServer(async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
      await client.query(`DROP DATABASE IF EXISTS ${LIST_DATABASE} WITH (FORCE)`);
      await client.query(`DROP DATABASE IF EXISTS ${DASHBOARD_DATABASE} WITH (FORCE)`);
      await client.query(`DROP DATABASE IF EXISTS ${EXPORT_DATABASE} WITH (FORCE)`);
      await client.query(`DROP DATABASE IF EXISTS ${CUSTOMERS_EXPORT_DATABASE} WITH (FORCE)`);
      await client.query(`DROP DATABASE IF EXISTS ${REGRADE_DATABASE} WITH (FORCE)`);
    });
  });

  it('builds, seeds 200 customers, loads every server briefly, and prints the table', async () => {
    const { stdout } = await run('npm', ['run', 'bench:api'], {
      cwd: apiDir,
      env: {
        ...process.env,
        TIERWISE_BENCH_POSTGRES_URL: SERVER_URL,
        TIERWISE_BENCH_DATABASE: DATABASE,
        TIERWISE_BENCH_CUSTOMERS: '200',
        TIERWISE_BENCH_SECONDS: '1',
        TIERWISE_BENCH_WARMUP_SECONDS: '1',
        TIERWISE_BENCH_ROUNDS: '1',
      },
      timeout: 280_000,
      maxBuffer: 10 * 1024 * 1024,
    });
    expect(stdout).toContain('first start seeded and graded 200 customers');
    expect(stdout).toContain('bare: Fastify with the same 200 decisions in a Map');
    for (const server of ['bare Fastify, from memory', 'Tierwise API, LOG_LEVEL=info', 'Tierwise API, LOG_LEVEL=warn']) {
      // | name | req/s | % of bare | p50 | p99 | cpu | requests | non-2xx | errors |: every answer a 2xx.
      expect(stdout).toMatch(new RegExp(`^\\| ${server} \\| \\d+ \\| [\\d.]+% \\|.*\\| \\d+ \\| 0 \\| 0 \\|$`, 'm'));
    }
    expect(stdout).toMatch(/of bare Fastify's throughput/);
  }, 300_000);

  it('customer list bench: loads 2,000 customers and times every list case through the application', async () => {
    const { stdout } = await run(
      'npm',
      ['run', 'bench:customers-list', '--', '--customers', '2000', '--iterations', '2', '--database', LIST_DATABASE],
      { cwd: apiDir, env: { ...process.env, TIERWISE_BENCH_POSTGRES_URL: SERVER_URL }, timeout: 280_000, maxBuffer: 10 * 1024 * 1024 },
    );
    expect(stdout).toContain('loaded 2,000 customers and their decisions');
    // | case | total | p50 | p95 | max |: every case answered 200 (the bench throws otherwise) with its total.
    for (const name of [
      'first page, by id',
      'tier B, by id',
      'by score desc',
      'search a common word (q=Pharma)',
      'deep page 1000, by id',
    ]) {
      expect(stdout).toMatch(new RegExp(`^\\| ${name.replace(/[()]/g, '\\$&')} \\| [\\d,]+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\|$`, 'm'));
    }
    expect(stdout).toMatch(/^\| first page, by id \| 2,000 \|/m);
  }, 300_000);
  it('dashboard bench: loads 2,000 customers, times both aggregates and finds them equal to a direct scan', async () => {
    // Built first, as npm run bench:dashboard does (tsc -p tsconfig.build.json && tsx bench/dashboard.bench.ts).
    await run('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: apiDir, timeout: 200_000 });
    const { stdout } = await run(
      'npx',
      ['tsx', 'bench/dashboard.bench.ts', '--customers', '2000', '--iterations', '2', '--database', DASHBOARD_DATABASE],
      {
        cwd: apiDir,
        env: { ...process.env, TIERWISE_BENCH_POSTGRES_URL: SERVER_URL },
        timeout: 280_000,
        maxBuffer: 10 * 1024 * 1024,
      },
    );
    expect(stdout).toMatch(/^\| GET \/dashboard\/tiers \| 2,000 \| [\d.]+ \| [\d.]+ \| [\d.]+ \|$/m);
    expect(stdout).toMatch(/^\| GET \/dashboard\/value-matrix \| 2,000 \| [\d.]+ \| [\d.]+ \| [\d.]+ \|$/m);
    expect(stdout).toContain('summary rows agree with it: yes');
  }, 300_000);
  it('tier-history export bench: streams 2,000 history rows over HTTP and prints rows, size, time and memory', async () => {
    const { stdout } = await run(
      'npm',
      ['run', 'bench:tier-history-export', '--', '--entries', '2000', '--customers', '50', '--pause', '0', '--database', EXPORT_DATABASE],
      { cwd: apiDir, env: { ...process.env, TIERWISE_BENCH_POSTGRES_URL: SERVER_URL }, timeout: 280_000, maxBuffer: 10 * 1024 * 1024 },
    );
    expect(stdout).toContain('loaded 2,000 tier history entries');
    expect(stdout).toMatch(/^\| [^|]+ \| [\d,]+ \| [\d.]+ \| [\d.]+ \| [\d,]+ \|/m);
  }, 300_000);
  it('customers export bench: loads 2,000 customers as the list bench does, streams them over HTTP and prints rows, size, time and memory', async () => {
    const { stdout } = await run(
      'npm',
      ['run', 'bench:customers-export', '--', '--customers', '2000', '--pause', '0', '--database', CUSTOMERS_EXPORT_DATABASE],
      { cwd: apiDir, env: { ...process.env, TIERWISE_BENCH_POSTGRES_URL: SERVER_URL }, timeout: 280_000, maxBuffer: 10 * 1024 * 1024 },
    );
    expect(stdout).toContain('loaded 2,000 customers and their decisions');
    expect(stdout).toContain('wrote 2,000 decisions whole');
    // | case | rows | MB | seconds | rows/s | ...: every customer in the unfiltered cases, fewer in the filtered ones.
    expect(stdout).toMatch(/^\| everything, by id \(the console's default\) \| 2,000 \| [\d.]+ \| [\d.]+ \| [\d,]+ \|/m);
    expect(stdout).toMatch(/^\| everything, by name \(the api's default\) \| 2,000 \|/m);
    expect(stdout).toMatch(/^\| tier C, by score desc \| [\d,]+ \|/m);
  }, 300_000);
  it('regrade bench: loads 3,000 customers, publishes a version that moves most of them, and times the run with 1 and 2 worker processes', async () => {
    const { stdout } = await run('npm', ['run', 'bench:regrade', '--', '--customers', '3000', '--database', REGRADE_DATABASE], {
      cwd: apiDir,
      env: { ...process.env, TIERWISE_BENCH_POSTGRES_URL: SERVER_URL },
      timeout: 280_000,
      maxBuffer: 10 * 1024 * 1024,
    });
    // | workers | customers | wall s | customers/s | tier changes | decisions written | history rows | api RSS | worker RSS |
    expect(stdout).toMatch(/^\| 1 \| 3,000 \| [\d.]+ \| [\d,]+ \| [\d,]+ \| 3,000 \| [\d,]+ \| \d+ \| \d+ \|$/m);
    expect(stdout).toMatch(/^\| 2 \| 3,000 \| [\d.]+ \| [\d,]+ \| [\d,]+ \| 3,000 \| [\d,]+ \| \d+ \| \d+, \d+ \|$/m);
  }, 300_000);
});
