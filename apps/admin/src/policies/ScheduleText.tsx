import { useLocaleState, useTranslate } from 'react-admin';
import { describeSchedule } from './schedule-words';

/** When a policy's scheduled grading runs start, in words ("02:00 UTC on the 1st of each month"); the cron on hover. */
export function ScheduleText({ cron }: { cron: string }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const words = describeSchedule(cron, locale);
  return <span title={cron}>{translate(words.key, words.args)}</span>;
}
