import 'reflect-metadata';
import { pino } from 'pino';
import { DataSource } from 'typeorm';
import type { TestProject } from 'vitest/node';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { CLONE_PREFIX, databaseUrl, onServer, SERVER_URL, TEMPLATE_DATABASE } from './support/postgres.js';

// Migrations run once, here, into a template database; each spec file clones it
// (CREATE DATABASE ... TEMPLATE, ~100 ms) so files run in parallel without
// sharing rows, and append-only tables never need cleaning.
export default async function setup(_project: TestProject): Promise<() => Promise<void>> {
  await onServer(async (client) => {
    await dropAll(client);
    await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  }).catch((error: Error) => {
    throw new Error(`integration specs need PostgreSQL at ${SERVER_URL} (set TIERWISE_TEST_POSTGRES_URL): ${error.message}`);
  });
  const url = databaseUrl(TEMPLATE_DATABASE);
  const dataSource = new DataSource(dataSourceOptions({ kind: 'postgres', url }, pino({ level: 'silent' })));
  await dataSource.initialize(); // migrationsRun: true
  await dataSource.destroy();
  return async () => {
    await onServer(dropAll);
  };
}

async function dropAll(client: import('pg').Client): Promise<void> {
  const { rows } = await client.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
    [TEMPLATE_DATABASE, `${CLONE_PREFIX}%`],
  );
  for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
}
