import type { EntityManager } from 'typeorm';

/**
 * The time of a grading, as SQL: the database's wall clock (one clock for every
 * api and worker) at the moment the statement runs, to the millisecond and
 * written as Date.prototype.toISOString writes it, so the time an evaluation is
 * given is exactly the gradedAt stored. Taken after the customers' rows are
 * locked: a standing stored by a grading that held the lock before is never later.
 */
export const GRADING_TIME_SQL = `to_char(date_trunc('milliseconds', clock_timestamp()) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The time of a grading (see GRADING_TIME_SQL), taken once per grading. */
export async function gradingTime(manager: EntityManager): Promise<string> {
  const [row] = await manager.query<{ at: string }[]>(`SELECT ${GRADING_TIME_SQL} AS at`);
  return row!.at;
}
