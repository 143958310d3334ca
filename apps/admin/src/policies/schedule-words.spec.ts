import { describe, expect, it } from 'vitest';
import { messageLeaves } from '../i18n/message-tree';
import { policiesMessages } from './messages';
import { describeSchedule, ordinalDay } from './schedule-words';

const english = messageLeaves(policiesMessages.en);
const chinese = messageLeaves(policiesMessages.zh);
const say = (cron: string, locale = 'en') => {
  const words = describeSchedule(cron, locale);
  const text = (locale === 'en' ? english : chinese).get(words.key);
  return text?.replace(/%\{(\w+)\}/g, (_match, name: string) => words.args[name] ?? `?${name}`);
};

describe('a grading schedule in words', () => {
  it('says the monthly default as a business user reads it, in English and Chinese', () => {
    expect(say('0 2 1 * *')).toBe('02:00 UTC on the 1st of each month');
    expect(say('0 2 1 * *', 'zh-CN')).toBe('每月 1 日 02:00（UTC）');
  });

  it('says daily, weekly, yearly and hourly schedules', () => {
    expect(say('30 23 * * *')).toBe('23:30 UTC every day');
    expect(say('0 6 * * 1')).toBe('06:00 UTC every Monday');
    expect(say('0 6 * * 7')).toBe('06:00 UTC every Sunday');
    expect(say('0 6 * * 0', 'zh-CN')).toBe('每星期日 06:00（UTC）');
    expect(say('15 4 29 2 *')).toBe('04:15 UTC on February 29 each year');
    expect(say('15 4 29 2 *', 'zh-CN')).toBe('每年 2月29日 04:15（UTC）');
    expect(say('5 * * * *')).toBe('Every hour at 5 minutes past (UTC)');
  });

  it('shows any other cron as it is', () => {
    for (const cron of ['*/15 * * * *', '0 2 1,15 * *', '0 2 1 * 1', '0 2 31 4 *', '0 24 * * *', '0 2 * 1 *', 'MON', '0 2 1-7 * *'])
      expect(say(cron)).toBe(`cron ${cron} (UTC)`);
    expect(describeSchedule('  0 2 1 * 1 ', 'en')).toEqual({ key: 'tierwise.policies.schedule.words.cron', args: { cron: '0 2 1 * 1' } });
  });

  it('writes English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31].map((day) => ordinalDay(day, 'en'))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '31st',
    ]);
    expect(ordinalDay(2, 'zh-CN')).toBe('2');
  });
});
