import 'reflect-metadata';
import { pino } from 'pino';
import { DataSource } from 'typeorm';
import type { TestProject } from 'vitest/node';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { DATABASE_PREFIX, databaseUrl, onServer, runOf, SERVER_URL, TEMPLATE_DATABASE } from './support/postgres.js';

// Migrations run once, here, into a template database; each spec file clones it
// (CREATE DATABASE ... TEMPLATE, ~100 ms) so files run in parallel without
// sharing rows, and append-only tables never need cleaning.
export default async function setup(_project: TestProject): Promise<() => Promise<void>> {
  await onServer(async (client) => {
    await dropLeftovers(client);
    await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  }).catch((error: Error) => {
    throw new Error(`integration specs need PostgreSQL at ${SERVER_URL} (set TIERWISE_TEST_POSTGRES_URL): ${error.message}`);
  });
  const url = databaseUrl(TEMPLATE_DATABASE);
  const dataSource = new DataSource(dataSourceOptions({ kind: 'postgres', url }, pino({ level: 'silent' })));
  await dataSource.initialize(); // migrationsRun: true
  await dataSource.destroy();
  return async () => {
    await onServer((client) => dropWhere(client, (run) => run === runOf(TEMPLATE_DATABASE)));
  };
}

// Databases of runs that died without cleaning up (their process is gone); a live run's are left alone.
function dropLeftovers(client: import('pg').Client): Promise<void> {
  return dropWhere(client, (run) => !isAlive(run));
}

async function dropWhere(client: import('pg').Client, drop: (run: number) => boolean): Promise<void> {
  const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
    `${DATABASE_PREFIX}%`,
  ]);
  for (const { datname } of rows) {
    const run = runOf(datname);
    if (run !== undefined && drop(run)) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  // Login roles a spec made (database-roles.spec.ts), named like its databases; dropped after them (one may own one).
  const roles = await client.query<{ rolname: string }>(`SELECT rolname FROM pg_roles WHERE rolname LIKE $1`, [`${DATABASE_PREFIX}%`]);
  for (const { rolname } of roles.rows) {
    const run = runOf(rolname);
    if (run !== undefined && drop(run)) await client.query(`DROP ROLE IF EXISTS "${rolname}"`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
