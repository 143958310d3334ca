import pg from 'pg';
import type { TestApp } from './test-app.js';

/** A row lock to hold from a session of the test's own: `SELECT ... FOR UPDATE`. */
export interface HeldLock {
  sql: string;
  params?: unknown[];
}

/**
 * Runs `requests` so that they provably overlap: `lock` is held in a transaction of
 * the test's own, every request is started, and the lock is released only once as
 * many of the app's sessions wait for a lock as there are requests (a condition read
 * from pg_stat_activity, not a duration). Requests that never reach the database
 * together (run one after the other) never get there, and the spec times out; one that
 * finishes while the lock is held fails at once: it did not wait for the others.
 */
export async function overlapped<R>(t: TestApp, lock: HeldLock, requests: (() => Promise<R>)[]): Promise<R[]> {
  const holder = new pg.Client({ connectionString: t.db.url });
  await holder.connect();
  try {
    await holder.query('BEGIN');
    const held = await holder.query(lock.sql, lock.params);
    if (held.rowCount === 0) throw new Error(`overlapped: ${lock.sql} locked no row`);
    let settledEarly = false;
    const running = requests.map((request) =>
      request().finally(() => {
        settledEarly = true;
      }),
    );
    const allWaiting = await waitForLockWaits(t, requests.length, () => settledEarly);
    await holder.query('COMMIT');
    if (!allWaiting) {
      await Promise.allSettled(running);
      throw new Error(`a request finished while the lock was held: the ${requests.length} requests did not overlap`);
    }
    return await Promise.all(running);
  } finally {
    await holder.end();
  }
}

/**
 * Waits until `count` of the app's sessions wait for a lock; false as soon as `giveUp` says
 * the awaited work finished instead. Asked outside the holding transaction: pg_stat_activity
 * is a snapshot per transaction.
 */
async function waitForLockWaits(t: TestApp, count: number, giveUp: () => boolean): Promise<boolean> {
  for (;;) {
    if (giveUp()) return false;
    const rows = await t.db.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'tierwise-api' AND wait_event_type = 'Lock'`,
    );
    if (rows[0]!.n >= count) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
