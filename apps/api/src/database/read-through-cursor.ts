import type { DataSource } from 'typeorm';

// How long an export's transaction may wait for its client to read on before PostgreSQL ends it.
const IDLE_LIMIT = '5min';

/**
 * The rows of `select`, `size` at a time, through one server-side cursor in a read-only
 * REPEATABLE READ transaction: one plan for the whole read and one moment's view. It holds one
 * pooled connection while the caller reads, so it is for PostgreSQL only (embedded PGlite has a
 * single session). Closing the generator early (a client went away) rolls back and frees it.
 */
export async function* readThroughCursor<Row>(
  dataSource: DataSource,
  select: string,
  params: unknown[],
  size: number,
): AsyncGenerator<Row[], void, undefined> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  let open = false;
  try {
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    open = true;
    // A client that stops reading would otherwise hold the connection for as long as its socket lives.
    await runner.query(`SET LOCAL idle_in_transaction_session_timeout = '${IDLE_LIMIT}'`);
    await runner.query(`DECLARE rows_read NO SCROLL CURSOR FOR ${select}`, params);
    for (;;) {
      const rows = (await runner.query(`FETCH FORWARD ${Math.trunc(size)} FROM rows_read`)) as Row[];
      if (rows.length > 0) yield rows;
      if (rows.length < size) break;
    }
    open = false;
    await runner.query('COMMIT');
  } finally {
    if (open) await runner.query('ROLLBACK').catch(() => undefined);
    await runner.release();
  }
}
