const PREFIX = 'grading-schedule-';

/** The schedule's key for a policy: one repeatable job per policy. */
export function gradingScheduleKey(policyId: string): string {
  return `${PREFIX}${policyId}`;
}

export function isGradingScheduleKey(key: string): boolean {
  return key.startsWith(PREFIX);
}
