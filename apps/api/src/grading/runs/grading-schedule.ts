/** Grading runs by default: 02:00 UTC on the first of every month (the seeds grade monthly). */
export const DEFAULT_GRADING_CRON = '0 2 1 * *';

/** The schedule's key for a policy: one repeatable job per policy. */
export function gradingScheduleKey(policyId: string): string {
  return `grading-schedule-${policyId}`;
}
