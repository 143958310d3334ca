import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { CLONE_PREFIX, databaseUrl, onServer, TEMPLATE_DATABASE } from './postgres.js';

export interface TestDatabase {
  url: string;
  /** A plain client on this database, for SQL-level assertions. */
  sql<R extends pg.QueryResultRow = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own, cloned from the template global setup built. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `${CLONE_PREFIX}${randomBytes(6).toString('hex')}`;
  await onServer((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  const url = databaseUrl(name);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // pool.end() resolves before its sockets close, so drop()'s DROP ... WITH (FORCE) can kill one still
  // closing; the pool re-emits that as an 'error' event, which must not be an uncaught exception.
  pool.on('error', () => undefined);
  return {
    url,
    async sql(text, params) {
      return (await pool.query(text, params)).rows as never;
    },
    async drop() {
      await pool.end();
      await onServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
