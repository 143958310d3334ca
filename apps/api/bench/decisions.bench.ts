import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

// npm run bench:api: the call-centre read, GET /api/v1/decisions/{id}, loaded
// with autocannon over 100,000 customers stored in real PostgreSQL, against the
// production entry point (node dist/main.js in a child process, as deployed),
// and in the same run against bare Fastify answering the same JSON from memory.

const SERVER_URL = process.env['TIERWISE_BENCH_POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';
// The smoke spec (test/bench-smoke.spec.ts) runs the whole bench at a tiny size in a database of its own.
const DATABASE = process.env['TIERWISE_BENCH_DATABASE'] ?? 'tierwise_bench';
const CUSTOMERS = Number(process.env['TIERWISE_BENCH_CUSTOMERS'] ?? 100_000);
const CONNECTIONS = 50;
const DURATION_S = Number(process.env['TIERWISE_BENCH_SECONDS'] ?? 10);
const WARMUP_S = Number(process.env['TIERWISE_BENCH_WARMUP_SECONDS'] ?? 2);
const ROUNDS = Number(process.env['TIERWISE_BENCH_ROUNDS'] ?? 3);
const TARGET_RATIO = 0.5;
// The api's default: one log line per request in and out, as a deployment would run it.
const LOG_LEVEL = process.env['LOG_LEVEL'] ?? 'info';
const ADMIN_USERNAME = 'bench-admin';
const ADMIN_PASSWORD = randomBytes(18).toString('base64url');
const API_LOG = join(tmpdir(), `${DATABASE}-api.log`);
const TARGET_P99_MS = 5;

const apiDir = fileURLToPath(new URL('..', import.meta.url));
const children: ChildProcess[] = [];

interface Measurement {
  name: string;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** The server process's own CPU (user + system) per answered request: steadier than req/s on a busy machine. */
  cpuPerRequestUs: number;
}

async function main(): Promise<void> {
  const databaseUrl = withDatabase(SERVER_URL, DATABASE);
  await recreateDatabase();

  let started = Date.now();
  const api = await startApi(databaseUrl, LOG_LEVEL);
  console.log(
    `api: node dist/main.js on PostgreSQL ${DATABASE}; first start seeded and graded ${CUSTOMERS} customers in ${seconds(started)}`,
  );
  const ids = await customerIds(databaseUrl);
  if (ids.length !== CUSTOMERS) throw new Error(`expected ${CUSTOMERS} graded customers, found ${ids.length}`);
  const headers = await credentials(api.base);
  // A second instance on the same database without per-request log lines, to show what they cost.
  const quiet = LOG_LEVEL === 'warn' ? undefined : await startApi(databaseUrl, 'warn');

  const barePort = await freePort();
  started = Date.now();
  const bare = start(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts'], { DATABASE_URL: databaseUrl, PORT: String(barePort) });
  await waitForLine(bare, /^ready \d+/, 120_000);
  const bareBase = `http://127.0.0.1:${barePort}`;
  console.log(`bare: Fastify with the same ${ids.length} decisions in a Map, loaded in ${seconds(started)}`);
  await sameAnswers([bareBase, api.base], ids, headers);

  const targets = [
    { name: 'bare Fastify, from memory', base: bareBase, pid: bare.pid },
    { name: `Tierwise API, LOG_LEVEL=${LOG_LEVEL}`, base: api.base, pid: api.child.pid },
    ...(quiet ? [{ name: 'Tierwise API, LOG_LEVEL=warn', base: quiet.base, pid: quiet.child.pid }] : []),
  ];
  console.log(
    `load: ${CONNECTIONS} connections, ${DURATION_S} s, a random customer per request; one server at a time, ` +
      `${ROUNDS} rounds in turn (median shown), after a warm-up reading each customer once and ${WARMUP_S} s more`,
  );
  const firstReads: Measurement[] = [];
  for (const target of targets) {
    let next = 0;
    firstReads.push(await load(target, headers, { amount: ids.length }, () => encodeURIComponent(ids[next++ % ids.length]!)));
  }
  // Taking turns spreads whatever else the machine is doing over every server alike.
  const rounds: Measurement[][] = targets.map(() => []);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [index, target] of targets.entries()) {
      await load(target, headers, { duration: WARMUP_S }, () => pickId(ids));
      rounds[index]!.push(await load(target, headers, { duration: DURATION_S }, () => pickId(ids)));
    }
  }
  const results = rounds.map(median);
  results.push({ ...firstReads[1]!, name: 'Tierwise API, first read of each customer (from PostgreSQL)' });
  report(results);
}

// The round with the median throughput, whole (its own latencies).
function median(measurements: readonly Measurement[]): Measurement {
  const sorted = [...measurements].sort((a, b) => a.perSecond - b.perSecond);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function startApi(databaseUrl: string, logLevel: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  // TIERWISE_BENCH_PROFILE=<dir> writes the api's CPU profile there (open it in Chrome DevTools).
  const profile = process.env['TIERWISE_BENCH_PROFILE'];
  const child = start(
    process.execPath,
    [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), 'dist/main.js'],
    {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: logLevel,
      TIERWISE_DEMO_CUSTOMERS: String(CUSTOMERS),
      TIERWISE_ADMIN_USERNAME: ADMIN_USERNAME,
      TIERWISE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    },
    API_LOG,
  );
  const base = `http://127.0.0.1:${port}`;
  await waitForReady(`${base}/ready`, child, 600_000).catch((error: Error) => {
    throw new Error(`${error.message}; its log: ${API_LOG}`);
  });
  return { child, base };
}

// stdout goes to a file when given one: the api's request log must not cost the bench process CPU.
function start(command: string, args: string[], env: Record<string, string>, logFile?: string): ChildProcess {
  const stdout = logFile === undefined ? 'pipe' : openSync(logFile, 'w');
  const child = spawn(command, args, { cwd: apiDir, env: { ...process.env, ...env }, stdio: ['ignore', stdout, 'inherit'] });
  children.push(child);
  return child;
}

type Pace = { duration: number } | { amount: number };

interface Target {
  name: string;
  base: string;
  pid: number | undefined;
}

async function load({ name, base, pid }: Target, headers: Record<string, string>, pace: Pace, nextId: () => string): Promise<Measurement> {
  const latencies: number[] = [];
  const cpuBefore = cpuSeconds(pid);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        ...pace,
        headers,
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/api/v1/decisions/${nextId()}` }) }],
      },
      (error: Error | null, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
    // autocannon's own histogram keeps whole milliseconds; keep the exact times.
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  const cpuAfter = cpuSeconds(pid);
  return {
    name,
    cpuPerRequestUs: cpuBefore === undefined || cpuAfter === undefined ? Number.NaN : ((cpuAfter - cpuBefore) * 1e6) / result['2xx'],
    requests: result['2xx'],
    perSecond: result['2xx'] / result.duration,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function report(results: readonly Measurement[]): void {
  const [bare, api] = results as [Measurement, Measurement];
  console.log('');
  console.log('| server | req/s | % of bare | p50 ms | p99 ms | server CPU µs/req | requests | non-2xx | errors |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const share = ((r.perSecond / bare.perSecond) * 100).toFixed(1);
    const cpu = Number.isNaN(r.cpuPerRequestUs) ? '-' : r.cpuPerRequestUs.toFixed(0);
    console.log(
      `| ${r.name} | ${Math.round(r.perSecond)} | ${share}% | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${cpu} | ${r.requests} | ${r.non2xx} | ${r.errors} |`,
    );
  }
  const ratio = api.perSecond / bare.perSecond;
  console.log('');
  console.log(
    `${api.name}: ${(ratio * 100).toFixed(1)}% of bare Fastify's throughput (target >= ${TARGET_RATIO * 100}%), p99 ${api.p99.toFixed(2)} ms (target <= ${TARGET_P99_MS} ms)`,
  );
  const misses = [
    ...(ratio < TARGET_RATIO ? [`throughput ${(ratio * 100).toFixed(1)}% < ${TARGET_RATIO * 100}%`] : []),
    ...(api.p99 > TARGET_P99_MS ? [`p99 ${api.p99.toFixed(2)} ms > ${TARGET_P99_MS} ms`] : []),
  ];
  console.log(misses.length === 0 ? 'target met' : `target missed: ${misses.join(', ')}`);
  const failed = results.filter((r) => r.non2xx > 0 || r.errors > 0);
  for (const r of failed) console.log(`${r.name}: ${r.non2xx} non-2xx answers and ${r.errors} errors`);
  if (failed.length > 0) process.exitCode = 1;
}

// Both servers must give the same decision for the same customer, or the comparison means nothing.
async function sameAnswers(bases: readonly string[], ids: readonly string[], headers: Record<string, string>): Promise<void> {
  for (let i = 0; i < 20; i += 1) {
    const id = pickId(ids);
    const bodies = await Promise.all(
      bases.map(async (base) => {
        const response = await fetch(`${base}/api/v1/decisions/${id}`, { headers });
        if (response.status !== 200) throw new Error(`${base} answered ${response.status} for ${id}: ${await response.text()}`);
        return response.json();
      }),
    );
    if (!isDeepStrictEqual(bodies[0], bodies[1])) throw new Error(`the servers disagree on ${id}`);
  }
}

// As a call-centre system: an API key with role agent, made by the first admin through the API.
async function credentials(base: string): Promise<Record<string, string>> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`admin sign-in failed: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const created = await fetch(`${base}/api/v1/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ name: 'bench-ivr', role: 'agent' }),
  });
  if (created.status !== 201) throw new Error(`API key creation failed: ${created.status} ${await created.text()}`);
  const { key } = (await created.json()) as { key: string };
  return { 'x-api-key': key };
}

async function recreateDatabase(): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(SERVER_URL, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

async function customerIds(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ customer_id: string }>('SELECT customer_id FROM tier_assignments');
    return rows.map((row) => row.customer_id);
  } finally {
    await client.end();
  }
}

async function waitForReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the api exited with ${child.exitCode} before it was ready`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} not ready within ${timeoutMs / 1000} s`);
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs / 1000} s`)), timeoutMs);
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      if (buffered.split('\n').some((line) => pattern.test(line))) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing ${pattern}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function pickId(ids: readonly string[]): string {
  return encodeURIComponent(ids[Math.floor(Math.random() * ids.length)]!);
}

const CLOCK_TICKS_PER_SECOND = 100;

// utime + stime of a process from /proc (Linux); undefined elsewhere.
function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function stopChildren(): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  stopChildren();
}
// Children are told to stop; nothing else should keep the bench alive.
process.exit();
