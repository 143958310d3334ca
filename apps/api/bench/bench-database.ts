import pg from 'pg';
import { pino } from 'pino';
import type { createApp as CreateApp } from '../src/app.factory.js';
import type { AppConfig } from '../src/config/app-config.js';

// What the database benches share: the PostgreSQL server they make their scratch databases on,
// a migrated and seeded database to load into, and how they read a percentile.

export const SERVER_URL = process.env['TIERWISE_BENCH_POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';

export function withDatabase(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs `work` on a connection to the server's `postgres` database (to create and drop others). */
export async function onServer(work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(SERVER_URL, 'postgres') });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

export function dropDatabase(database: string): Promise<void> {
  return onServer((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
}

/**
 * A fresh `database` as the api's first start leaves it (migrations, and the seed policy published as
 * default v1), then `load` on a connection to it. `createApp` is the built one (dist), which each bench imports.
 */
export async function createAndLoadDatabase(
  createApp: typeof CreateApp,
  config: AppConfig,
  database: string,
  load: (client: pg.Client) => Promise<void>,
): Promise<void> {
  await onServer(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${database}`);
  });
  const app = await createApp(config, pino({ level: 'error' }), { consoleFolder: null });
  await app.close();
  const client = new pg.Client({ connectionString: withDatabase(SERVER_URL, database) });
  await client.connect();
  try {
    await load(client);
  } finally {
    await client.end();
  }
}

/** The p-quantile (0-1) of ascending timings, nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}
