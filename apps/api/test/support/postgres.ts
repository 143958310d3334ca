import pg from 'pg';

/** The PostgreSQL server the integration specs use (trust auth, as on the CI machine). */
export const SERVER_URL = process.env['TIERWISE_TEST_POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';

export const TEMPLATE_DATABASE = 'tierwise_api_test';
export const CLONE_PREFIX = `${TEMPLATE_DATABASE}_`;

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
