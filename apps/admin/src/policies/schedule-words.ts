/** A grading schedule in words: a message key under tierwise.policies.schedule.words and its arguments. */
export interface ScheduleWords {
  key: string;
  args: Record<string, string>;
}

const K = 'tierwise.policies.schedule.words';
const number = (text: string, min: number, max: number): number | null => {
  if (!/^\d{1,2}$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
};

/**
 * A cron of five fields (minute hour day-of-month month day-of-week, in UTC) in words a business user reads,
 * for the shapes people set: monthly ("02:00 UTC on the 1st of each month"), daily, weekly, yearly, hourly.
 * Anything else (steps, lists, ranges, names) is said as the cron itself.
 */
export function describeSchedule(cron: string, locale: string): ScheduleWords {
  return recognise(cron.trim().split(/\s+/), locale) ?? { key: `${K}.cron`, args: { cron: cron.trim() } };
}

function recognise(fields: string[], locale: string): ScheduleWords | null {
  if (fields.length !== 5) return null;
  const [minuteField, hourField, dayField, monthField, weekdayField] = fields as [string, string, string, string, string];
  const minute = number(minuteField, 0, 59);
  if (minute === null) return null;
  if (hourField === '*')
    return dayField === '*' && monthField === '*' && weekdayField === '*' ? { key: `${K}.hourly`, args: { minute: String(minute) } } : null;
  const hour = number(hourField, 0, 23);
  if (hour === null) return null;
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  if (dayField === '*' && monthField === '*') {
    if (weekdayField === '*') return { key: `${K}.daily`, args: { time } };
    const weekday = number(weekdayField, 0, 7);
    return weekday === null ? null : { key: `${K}.weekly`, args: { time, weekday: weekdayName(weekday, locale) } };
  }
  const day = number(dayField, 1, 31);
  if (day === null || weekdayField !== '*') return null;
  if (monthField === '*') return { key: `${K}.monthly`, args: { time, day: ordinalDay(day, locale) } };
  const month = number(monthField, 1, 12);
  const date = month === null ? null : dayOfYear(month, day, locale);
  return date === null ? null : { key: `${K}.yearly`, args: { time, date } };
}

/** "1st", "22nd" in English; the bare number where the message says the rest ("1 日"). */
export function ordinalDay(day: number, locale: string): string {
  if (!locale.startsWith('en')) return String(day);
  const suffix = { one: 'st', two: 'nd', few: 'rd', other: 'th' } as Record<string, string>;
  return `${day}${suffix[new Intl.PluralRules('en', { type: 'ordinal' }).select(day)] ?? 'th'}`;
}

function weekdayName(weekday: number, locale: string): string {
  // 7 January 2024 was a Sunday: day 0 (and 7) of a cron's week.
  return new Date(Date.UTC(2024, 0, 7 + (weekday % 7))).toLocaleDateString(locale, { weekday: 'long', timeZone: 'UTC' });
}

function dayOfYear(month: number, day: number, locale: string): string | null {
  // 2024 is a leap year, so 29 February is a date; 31 April is not.
  const date = new Date(Date.UTC(2024, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return date.toLocaleDateString(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
}
