import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { mergeMessages } from '../i18n/merge-messages';
import { reactAdminChinese } from '../i18n/react-admin-zh-cn';
import type { TreatmentCounts, TreatmentTally } from './grading-run';
import { gradingRunsMessages } from './messages';
import { monthlyFeeDelta, treatmentDeltaLines } from './treatment-deltas';

const counts = (overrides: Partial<TreatmentCounts>): TreatmentCounts => ({
  feeCharged: 0,
  monthlyFees: {},
  dedicatedAccountManagers: 0,
  greenChannel: 0,
  blacklisted: 0,
  ...overrides,
});

// 31 -> 43 accounts charged HKD 40 a month: 12 more, HKD 480 more a month.
const TALLY: TreatmentTally = {
  before: counts({ feeCharged: 31, monthlyFees: { HKD: 1240 }, dedicatedAccountManagers: 18, greenChannel: 40, blacklisted: 3 }),
  after: counts({ feeCharged: 43, monthlyFees: { HKD: 1720 }, dedicatedAccountManagers: 22, greenChannel: 37, blacklisted: 3 }),
  newlyCharged: 12,
  noLongerCharged: 0,
};

function sentences(tally: TreatmentTally, locale: 'en' | 'zh-CN'): string[] {
  const messages =
    locale === 'en'
      ? mergeMessages<TranslationMessages>(englishMessages, gradingRunsMessages.en)
      : mergeMessages<TranslationMessages>(reactAdminChinese, gradingRunsMessages.zh);
  const { translate } = polyglotI18nProvider(() => messages, locale);
  return treatmentDeltaLines(tally, locale).map((line) => translate(line.key, line.args));
}

describe("a simulation's treatment deltas, in words", () => {
  it('say what the fee and the capacity change, in English', () => {
    expect(sentences(TALLY, 'en')).toEqual([
      '+12 accounts charged the fee (+HKD 480 a month)',
      'Dedicated account managers needed: 18 → 22',
      'Green channel: 40 → 37 customers',
      'Blacklisted: 3 → 3 customers',
    ]);
  });

  it('and in Simplified Chinese', () => {
    expect(sentences(TALLY, 'zh-CN')).toEqual([
      '收费账户增加 12 个（每月 +HKD 480）',
      '所需专属客户经理：18 → 22',
      '绿色通道客户：40 → 37',
      '黑名单客户：3 → 3',
    ]);
  });

  it('count one account in the singular, and fewer accounts with a minus', () => {
    const one = { ...TALLY, after: counts({ feeCharged: 32, monthlyFees: { HKD: 1280 } }) };
    expect(sentences(one, 'en')[0]).toBe('+1 account charged the fee (+HKD 40 a month)');
    const fewer = { ...TALLY, after: counts({ feeCharged: 30, monthlyFees: { HKD: 1200 } }), newlyCharged: 0, noLongerCharged: 1 };
    expect(sentences(fewer, 'en')[0]).toBe('−1 account charged the fee (−HKD 40 a month)');
  });

  it('say who is newly and who no longer charged when both happen', () => {
    const turnover = { ...TALLY, newlyCharged: 14, noLongerCharged: 2 };
    expect(sentences(turnover, 'en').slice(0, 2)).toEqual([
      '+12 accounts charged the fee (+HKD 480 a month)',
      '14 newly charged, 2 no longer charged',
    ]);
  });

  it('say the fee is unchanged when the same number pay the same', () => {
    const same = { ...TALLY, after: { ...TALLY.before }, newlyCharged: 0 };
    expect(sentences(same, 'en')[0]).toBe('Accounts charged the fee: unchanged at 31');
    expect(sentences(same, 'zh-CN')[0]).toBe('收费账户数不变：31 个');
  });

  it('leave the money out when no fee has an amount', () => {
    const noAmounts = { ...TALLY, before: counts({ feeCharged: 1 }), after: counts({ feeCharged: 3 }) };
    expect(sentences(noAmounts, 'en')[0]).toBe('+2 accounts charged the fee');
  });

  it('write large counts with the locale grouping', () => {
    const large = { ...TALLY, before: counts({ dedicatedAccountManagers: 1200 }), after: counts({ dedicatedAccountManagers: 1350 }) };
    expect(sentences(large, 'en')[1]).toBe('Dedicated account managers needed: 1,200 → 1,350');
  });
});

describe('the monthly fee delta', () => {
  it('is given per currency, in code order, to the cent, leaving out currencies that did not move', () => {
    const tally = {
      before: counts({ monthlyFees: { USD: 10, HKD: 1240, EUR: 5 } }),
      after: counts({ monthlyFees: { USD: 22.5, HKD: 1200.1, EUR: 5, GBP: 3.333 } }),
    };
    expect(monthlyFeeDelta(tally, 'en')).toBe('+GBP 3.33, −HKD 39.9, +USD 12.5');
  });

  it('is empty when nothing moved', () => {
    expect(monthlyFeeDelta({ before: counts({ monthlyFees: { HKD: 40 } }), after: counts({ monthlyFees: { HKD: 40 } }) }, 'en')).toBe('');
  });
});
