import pg from 'pg';

/** The PostgreSQL server the integration specs use (trust auth, as on the CI machine). */
export const SERVER_URL = process.env['TIERWISE_TEST_POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';

export const DATABASE_PREFIX = 'tierwise_api_test_';

// One test run's databases carry the pid of the vitest process that made them
// (vitest.config.ts sets TIERWISE_TEST_RUN before workers start), so two runs
// on one server never drop each other's databases.
const RUN = process.env['TIERWISE_TEST_RUN'] ?? String(process.pid);
export const TEMPLATE_DATABASE = `${DATABASE_PREFIX}${RUN}`;
export const CLONE_PREFIX = `${TEMPLATE_DATABASE}_`;

/** The run id in a database name this suite made, or undefined for any other database. */
export function runOf(database: string): number | undefined {
  const match = new RegExp(`^${DATABASE_PREFIX}(\\d+)(_|$)`).exec(database);
  return match ? Number(match[1]) : undefined;
}

export function databaseUrl(database: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs statements on the server's maintenance database (CREATE/DROP DATABASE cannot run inside one). */
export async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
