import type { TreatmentTally } from './grading-run';
import { signed } from './tier-counts';

/** One line of a simulation's cost summary: a message key under tierwise.gradingRuns.treatments and its arguments. */
export interface DeltaLine {
  key: string;
  args: Record<string, string | number>;
}

const K = 'tierwise.gradingRuns.treatments';

/**
 * What a simulated change costs, in lines a business user reads: accounts charged the fee (net) and what
 * that does to the monthly fee income, who is newly or no longer charged when both happen, then the
 * capacity counts before and after (dedicated account managers, green channel, blacklist).
 */
export function treatmentDeltaLines(tally: TreatmentTally, locale: string): DeltaLine[] {
  const number = (value: number) => value.toLocaleString(locale, { maximumFractionDigits: 2 });
  const { before, after } = tally;
  const lines: DeltaLine[] = [feeLine(after.feeCharged - before.feeCharged, after.feeCharged, monthlyFeeDelta(tally, locale), number)];
  if (tally.newlyCharged > 0 && tally.noLongerCharged > 0)
    lines.push({ key: `${K}.feeTurnover`, args: { newly: number(tally.newlyCharged), noLonger: number(tally.noLongerCharged) } });
  for (const measure of ['dedicatedAccountManagers', 'greenChannel', 'blacklisted'] as const)
    lines.push({ key: `${K}.${measure}`, args: { before: number(before[measure]), after: number(after[measure]) } });
  return lines;
}

function feeLine(net: number, charged: number, money: string, number: (value: number) => string): DeltaLine {
  const withMoney = money === '' ? '' : 'WithMoney';
  const moneyArg: Record<string, string> = money === '' ? {} : { money };
  if (net === 0) return { key: `${K}.feeUnchanged${withMoney}`, args: { count: number(charged), ...moneyArg } };
  return { key: `${K}.${net > 0 ? 'feeMore' : 'feeFewer'}${withMoney}`, args: { smart_count: Math.abs(net), ...moneyArg } };
}

/** The change in monthly fee income per currency: "+HKD 480", "+HKD 480, −USD 12.5"; "" when nothing changes. */
export function monthlyFeeDelta(tally: Pick<TreatmentTally, 'before' | 'after'>, locale: string): string {
  const before = tally.before.monthlyFees;
  const after = tally.after.monthlyFees;
  const currencies = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return currencies
    .map((currency) => ({ currency, delta: round2((after[currency] ?? 0) - (before[currency] ?? 0)) }))
    .filter(({ delta }) => delta !== 0)
    .map(({ currency, delta }) => signed(delta, (amount) => `${currency} ${amount.toLocaleString(locale, { maximumFractionDigits: 2 })}`))
    .join(', ');
}

// Fee totals are kept to the cent: a difference must not show binary fractions.
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
