import cronParser from 'cron-parser';

/** A cron of five fields (minute to weekday) that the schedulers can follow, in UTC. */
export function isCron(text: string): boolean {
  if (text.trim().split(/\s+/).length !== 5) return false;
  try {
    cronParser.parseExpression(text, { utc: true });
    return true;
  } catch {
    return false;
  }
}
