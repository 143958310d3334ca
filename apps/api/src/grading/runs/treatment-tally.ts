import type { Decision } from '@tierwise/policy';

/** The treatments that cost money or capacity, counted over a set of decisions. */
export interface TreatmentCounts {
  /** Customers charged a fee. */
  feeCharged: number;
  /** Fees per month by currency (a yearly fee counts a twelfth, a quarterly one a third). */
  monthlyFees: Record<string, number>;
  dedicatedAccountManagers: number;
  greenChannel: number;
  blacklisted: number;
}

/** A simulation's treatment deltas: the counts before and after, and who is newly charged. */
export interface TreatmentTally {
  before: TreatmentCounts;
  after: TreatmentCounts;
  newlyCharged: number;
  noLongerCharged: number;
}

const MONTHS_PER_PERIOD: Record<string, number> = { month: 1, quarter: 3, year: 12 };

export function emptyTreatmentTally(): TreatmentTally {
  return { before: emptyCounts(), after: emptyCounts(), newlyCharged: 0, noLongerCharged: 0 };
}

/** Counts one customer: `before` is its stored decision (null if never graded), `after` the simulated one. */
export function countTreatments(tally: TreatmentTally, before: Decision | null, after: Decision): void {
  const charged = { before: before ? countInto(tally.before, before) : false, after: countInto(tally.after, after) };
  if (charged.after && !charged.before) tally.newlyCharged += 1;
  if (charged.before && !charged.after) tally.noLongerCharged += 1;
}

export function addTreatmentTallies(total: TreatmentTally, part: TreatmentTally): TreatmentTally {
  addCounts(total.before, part.before);
  addCounts(total.after, part.after);
  total.newlyCharged += part.newlyCharged;
  total.noLongerCharged += part.noLongerCharged;
  return total;
}

function emptyCounts(): TreatmentCounts {
  return { feeCharged: 0, monthlyFees: {}, dedicatedAccountManagers: 0, greenChannel: 0, blacklisted: 0 };
}

/** Adds one decision's treatments; true when it charges a fee. */
function countInto(counts: TreatmentCounts, decision: Decision): boolean {
  const { fee, accountManager, queue, blacklist } = decision.treatments;
  if (accountManager?.['dedicated'] === true) counts.dedicatedAccountManagers += 1;
  if (queue?.['greenChannel'] === true) counts.greenChannel += 1;
  if (blacklist) counts.blacklisted += 1;
  if (!fee) return false;
  counts.feeCharged += 1;
  const amount = fee['amount'];
  if (typeof amount === 'number') {
    const currency = typeof fee['currency'] === 'string' ? fee['currency'] : '?';
    const months = MONTHS_PER_PERIOD[typeof fee['period'] === 'string' ? fee['period'] : 'month'] ?? 1;
    counts.monthlyFees[currency] = round2((counts.monthlyFees[currency] ?? 0) + amount / months);
  }
  return true;
}

function addCounts(total: TreatmentCounts, part: TreatmentCounts): void {
  total.feeCharged += part.feeCharged;
  total.dedicatedAccountManagers += part.dedicatedAccountManagers;
  total.greenChannel += part.greenChannel;
  total.blacklisted += part.blacklisted;
  for (const [currency, amount] of Object.entries(part.monthlyFees))
    total.monthlyFees[currency] = round2((total.monthlyFees[currency] ?? 0) + amount);
}

// Money to the cent: sums of many fees must not show binary fractions.
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
