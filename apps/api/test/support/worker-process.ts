import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { JobTimings } from '../../src/jobs/job-timings.js';

// Workers as real processes (`node dist/worker.js` as a user runs it), built from this source
// into a folder of this spec's own so specs building in parallel never share files.

const apiDir = fileURLToPath(new URL('../..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** Compiles the api into a cache folder of its own (ignored by git and lint); returns the folder. */
export async function buildWorkerDist(name: string): Promise<string> {
  const outDir = `node_modules/.cache/tierwise-test-dist/${name}`;
  await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: apiDir });
  return `${apiDir}${outDir}`;
}

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Starts dist/worker.js's own code path (createWorker from the built files) with the job
 * timings given: production reads none from the environment, so a small launcher passes them.
 */
export function startWorkerProcess(
  dist: string,
  env: { DATABASE_URL: string; REDIS_URL: string },
  timings: Partial<JobTimings>,
): WorkerProcess {
  const launcher = `
    await import('reflect-metadata');
    const { loadConfig } = await import(${JSON.stringify(`${dist}/config/load-config.js`)});
    const { createLogger } = await import(${JSON.stringify(`${dist}/logging/create-logger.js`)});
    const { createWorker } = await import(${JSON.stringify(`${dist}/worker.factory.js`)});
    const config = { ...loadConfig(process.env), jobTimings: ${JSON.stringify(timings)} };
    await createWorker(config, createLogger(config.logLevel));
    process.stdout.write('worker-started\\n');`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', launcher], {
    cwd: apiDir,
    env: { PATH: process.env['PATH'], LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Resolves once the worker said it started (or rejects with its output if it exited). */
export async function workerStarted(worker: WorkerProcess): Promise<void> {
  for (;;) {
    if (worker.output().includes('worker-started')) return;
    if (worker.child.exitCode !== null) throw new Error(`the worker exited: ${worker.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
