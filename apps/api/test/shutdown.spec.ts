import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The production entry point, node dist/main.js, as a process: how it refuses
// a bad environment and how it stops. Built here so it runs this source.
const apiDir = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function run(env: Record<string, string>, entry = 'dist/main.js'): { child: ChildProcess; exited: Promise<Exit>; stdout: () => string } {
  const base = { ...process.env };
  // Only what the case sets: the developer's own settings must not leak in.
  for (const name of [
    'DATABASE_URL',
    'REDIS_URL',
    'PORT',
    'LOG_LEVEL',
    'TIERWISE_DATA_DIR',
    'TIERWISE_DEMO_CUSTOMERS',
    'TIERWISE_JWT_SECRET',
    'TIERWISE_ADMIN_USERNAME',
    'TIERWISE_ADMIN_PASSWORD',
  ]) {
    delete base[name];
  }
  const child = spawn(process.execPath, [entry], { cwd: apiDir, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exit>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, exited, stdout: () => stdout };
}

function logLines(stdout: string): { msg?: string; level?: number; signal?: string }[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg?: string });
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

async function waitUntilReady(url: string, exited: Promise<Exit>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  while (!gone) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the api exited before ${url} answered`);
}

describe('node dist/main.js', () => {
  let dataDir: string;
  beforeAll(async () => {
    await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: apiDir });
    dataDir = await mkdtemp(join(tmpdir(), 'tierwise-main-'));
  }, 180_000);
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('exits 78 (EX_CONFIG) on a bad environment, naming every bad variable', async () => {
    const { exited } = run({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://root:hunter2@db/tierwise' });
    const exit = await exited;
    expect(exit.code).toBe(78);
    expect(exit.stderr).toContain("PORT must be a whole number from 0 to 65535, not 'abc'");
    expect(exit.stderr).toContain("LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not 'loud'");
    expect(exit.stderr).toContain("DATABASE_URL must be a postgres:// or postgresql:// URL, not 'mysql://***@db/tierwise'");
    expect(exit.stderr).not.toContain('hunter2');
  });

  it('refuses to start a worker without REDIS_URL: exit 78, saying the api grades in-process without it', async () => {
    const exit = await run({}, 'dist/worker.js').exited;
    expect(exit.code).toBe(78);
    expect(exit.stderr).toContain('REDIS_URL: a worker takes its jobs from Redis');
  });

  it('stops on SIGTERM: logs it, closes the server and the database, exits 0', async () => {
    const port = await freePort();
    const api = run({ PORT: String(port), TIERWISE_DATA_DIR: dataDir, TIERWISE_DEMO_CUSTOMERS: '10', LOG_LEVEL: 'info' });
    try {
      await waitUntilReady(`http://127.0.0.1:${port}/ready`, api.exited);
    } catch (error) {
      api.child.kill('SIGKILL');
      throw new Error(`${(error as Error).message}\n${(await api.exited).stdout}`, { cause: error });
    }
    // A kept-alive connection must not hold the shutdown open.
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);

    api.child.kill('SIGTERM');
    const exit = await api.exited;
    expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
    const messages = logLines(exit.stdout);
    expect(messages).toContainEqual(expect.objectContaining({ msg: 'shutting down', signal: 'SIGTERM' }));
    expect(messages.filter((line) => (line.level ?? 0) >= 50)).toEqual([]);
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  }, 120_000);
});
