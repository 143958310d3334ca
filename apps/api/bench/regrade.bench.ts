import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import 'reflect-metadata';
import pg from 'pg';
import { benchConfig, signInAs, startBenchApp } from './bench-app.js';
import { dropDatabase, withDatabase, SERVER_URL } from './bench-database.js';
import { loadWithListBench } from './list-population.js';

// npm run bench:regrade [-- --customers N]: a publication that moves most customers to another
// tier, re-graded by grading runs on Bull (real Redis) with 1 and then 2 worker processes
// (`node dist/worker.js`), on N customers (default 1,000,000) in a fresh PostgreSQL database.
// Times the run from the publish request to the run's end: wall time, customers/s, rows
// written, and the peak RSS of the api and of each worker. Goal: 1,000,000 in 30 s or less.

const { values: args } = parseArgs({
  options: {
    customers: { type: 'string', default: '1000000' },
    workers: { type: 'string', default: '1,2' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    database: { type: 'string', default: 'tierwise_bench_regrade' },
  },
});
const CUSTOMERS = Number(args.customers);
const WORKER_COUNTS = args.workers.split(',').map(Number);
const DATABASE = args.database;
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const GOAL_SECONDS = 30;
const workerEntry = fileURLToPath(new URL('../dist/worker.js', import.meta.url));

async function main(): Promise<void> {
  if (!args.reuse) {
    await dropDatabase(DATABASE);
    const started = Date.now();
    await loadWithListBench(CUSTOMERS, DATABASE);
    console.log(`population of ${CUSTOMERS.toLocaleString('en')} ready in ${seconds(started)}`);
  }
  const config = { ...benchConfig(DATABASE), redisUrl: REDIS_URL };
  const app = await startBenchApp(config);
  const db = new pg.Client({ connectionString: withDatabase(SERVER_URL, DATABASE) });
  await db.connect();
  try {
    const headers = { authorization: `Bearer ${await signInAs(app, 'publisher')}` };
    const author = { authorization: `Bearer ${await signInAs(app, 'author')}` };
    const document = (await app.inject({ method: 'GET', url: '/api/v1/policies/default/versions/1', headers })).json<{
      document: { grading: { tiers: { conditions?: { all: { value: number }[] } }[] } };
    }>().document;
    console.log(
      `\n| workers | customers | wall s | customers/s | tier changes | decisions written | history rows | api peak RSS MB | worker peak RSS MB |`,
    );
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    let lowered = false;
    for (const count of WORKER_COUNTS) {
      // Alternately lower and restore the thresholds (A 75 -> 55, B 60 -> 35): most customers change tier each time.
      lowered = !lowered;
      const version = await publishableDraft(app, author, document, lowered ? [55, 35] : [75, 60]);
      await db.query('VACUUM ANALYZE tier_assignments');
      const workers = Array.from({ length: count }, () => startWorker(withDatabase(SERVER_URL, DATABASE)));
      try {
        await Promise.all(workers.map(ready));
        const started = Date.now();
        const published = await app.inject({
          method: 'POST',
          url: `/api/v1/policies/default/versions/${version}/publish`,
          headers,
          payload: {},
        });
        if (published.statusCode !== 200) throw new Error(`publish: ${published.statusCode} ${published.body}`);
        const runId = published.json<{ gradingRun: { id: number } }>().gradingRun.id;
        const run = await finished(db, runId);
        const wall = (Date.now() - started) / 1000;
        const [history] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tier_history WHERE run_id = $1`, [runId])).rows;
        const rss = workers.map((worker) => mb(peakRss(worker.pid!)));
        console.log(
          `| ${count} | ${run.evaluated.toLocaleString('en')} | ${wall.toFixed(1)} | ${Math.round(run.evaluated / wall).toLocaleString('en')} | ` +
            `${run.changed.toLocaleString('en')} | ${run.decisionsWritten.toLocaleString('en')} | ${history!.n.toLocaleString('en')} | ` +
            `${mb(peakRss(process.pid))} | ${rss.join(', ')} |`,
        );
        if (run.evaluated !== CUSTOMERS) throw new Error(`the run graded ${run.evaluated} of ${CUSTOMERS}`);
      } finally {
        for (const worker of workers) worker.kill('SIGTERM');
        await Promise.all(
          workers.map((worker) => new Promise((resolve) => (worker.exitCode === null ? worker.once('exit', resolve) : resolve(null)))),
        );
      }
    }
    console.log(
      `\ngoal: ${CUSTOMERS.toLocaleString('en')} customers in ${GOAL_SECONDS} s or less (scaled: ${Math.round((CUSTOMERS / 1_000_000) * GOAL_SECONDS * 10) / 10} s)`,
    );
  } finally {
    await db.end();
    await app.close();
    if (!args.keep && !args.reuse) await dropDatabase(DATABASE);
  }
}

/** A draft with tier A and B's score thresholds set to `[a, b]`: its version. */
async function publishableDraft(
  app: Awaited<ReturnType<typeof startBenchApp>>,
  headers: Record<string, string>,
  seed: { grading: { tiers: { conditions?: { all: { value: number }[] } }[] } },
  [a, b]: [number, number],
): Promise<number> {
  const document = structuredClone(seed);
  document.grading.tiers[0]!.conditions!.all[0]!.value = a;
  document.grading.tiers[1]!.conditions!.all[0]!.value = b;
  const created = await app.inject({ method: 'POST', url: '/api/v1/policies/default/versions', headers, payload: { document } });
  if (created.statusCode !== 201) throw new Error(`draft: ${created.statusCode} ${created.body}`);
  return created.json<{ version: number }>().version;
}

function startWorker(databaseUrl: string): ChildProcess {
  return spawn(process.execPath, [workerEntry], {
    env: { PATH: process.env['PATH'], DATABASE_URL: databaseUrl, REDIS_URL, LOG_LEVEL: process.env['BENCH_WORKER_LOG_LEVEL'] ?? 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Resolves when the worker has logged that it started (its boot is not part of the run's time). */
function ready(worker: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    worker.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('tierwise worker started')) resolve();
      // BENCH_WORKER_LOG_LEVEL=debug shows each chunk's steps in milliseconds.
      if (process.env['BENCH_WORKER_LOG_LEVEL']) process.stdout.write(chunk);
    });
    worker.once('exit', (code) => reject(new Error(`a worker exited with ${code} before it started: ${output}`)));
  });
}

async function finished(db: pg.Client, runId: number): Promise<{ evaluated: number; changed: number; decisionsWritten: number }> {
  for (;;) {
    const { rows } = await db.query<{
      status: string;
      error: string | null;
      summary: { evaluated: number; changed: number; decisionsWritten: number } | null;
    }>(`SELECT status, error, summary FROM grading_runs WHERE id = $1`, [runId]);
    const run = rows[0]!;
    if (run.status === 'failed') throw new Error(`run ${runId} failed: ${run.error}`);
    if (run.status === 'succeeded') return run.summary!;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** VmHWM: the most resident memory the process has had. */
function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

await main();
