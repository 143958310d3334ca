import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database';

const API_MAIN = fileURLToPath(new URL('../../../api/dist/main.js', import.meta.url));
const CONSOLE_INDEX = fileURLToPath(new URL('../../dist/index.html', import.meta.url));
export const ADMIN_USERNAME = 'admin';
export const ADMIN_PASSWORD = 'Tierwise-e2e-admin-Kestrel-88';

export interface ConsoleServer {
  baseUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * The app as `npm start` serves it (the built api with the built console beside it), on a scratch
 * PostgreSQL database, seeded as on a first start: policy `default` v1 and the demo customers.
 */
export async function startConsoleServer(options: { demoCustomers?: number } = {}): Promise<ConsoleServer> {
  for (const built of [API_MAIN, CONSOLE_INDEX]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first`);
  }
  const database = await createScratchDatabase('tierwise_e2e');
  const port = await freePort();
  const child = spawn(process.execPath, [API_MAIN], {
    env: {
      PATH: process.env['PATH'],
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: database.url,
      LOG_LEVEL: 'warn',
      TIERWISE_DEMO_CUSTOMERS: String(options.demoCustomers ?? 200),
      TIERWISE_ADMIN_USERNAME: ADMIN_USERNAME,
      TIERWISE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // Should this process end without stopping the server (a test runner killed mid-run), take it along.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(baseUrl, child);
  } catch (error) {
    await stopChild(child);
    await database.drop();
    throw error;
  }
  return { baseUrl, databaseUrl: database.url, stop: () => stop(child, database) };
}

async function waitUntilReady(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the api exited with ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${baseUrl}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the api was not ready within 90 s');
}

async function stop(child: ChildProcess, database: ScratchDatabase): Promise<void> {
  await stopChild(child);
  await database.drop();
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
