import type { CompiledPolicy } from './compile/compiled-policy.js';
import { parseIsoDate } from './dates.js';
import type { ProtectionHeld } from './decision.js';
import type { Tier } from './document.js';
import type { AppliedOverride } from './tier-override.js';
import type { RecordError } from './validation/validate-record.js';

// Downgrade protection (grading.downgradeProtection): a customer falls a tier
// only after so many consecutive gradings below it or so many days, one tier at
// a time, and after a minimum time in its tier; it rises at once. What it needs
// from the past is the customer's standing, which each grading returns for the
// caller to store and pass to the next. Evaluation never reads the clock: the
// time of the grading is `at`.

/** Where a customer stands before a grading, as the previous grading left it. */
export interface Standing {
  /** The tier it is in; null when no tier applied. */
  tier: string | null;
  /** ISO 8601 date-time it entered that tier. */
  since: string;
  /**
   * The consecutive gradings, up to the last, whose rules put it below its tier,
   * and when the first of them was; null (or absent) when the last grading did not.
   */
  below?: { count: number; since: string } | null;
}

interface Instant {
  millis: number;
  /** As the caller wrote it, to hand back in the next standing. */
  text: string;
}

/** The time of a grading and the standing before it, checked against the policy. */
export interface GradingTime {
  /** This grading, when the caller gave it. */
  at: Instant | undefined;
  /** Undefined on a first grading, or when the standing names a tier this policy does not have. */
  standing: KnownStanding | undefined;
}

interface KnownStanding {
  tier: Tier | null;
  since: Instant;
  below: { count: number; since: Instant } | null;
}

export interface GradingTimeOptions {
  standing?: Standing;
  at?: string;
}

export type GradingTimeCheck = { ok: true; time: GradingTime } | { ok: false; errors: RecordError[] };

const DAY = 86_400_000;

// Most evaluations (a call-centre lookup, the CLI) carry neither: no need to allocate.
const FIRST_GRADING_UNDATED: GradingTimeCheck = { ok: true, time: { at: undefined, standing: undefined } };

/**
 * Reads `at` and `standing`. A standing in a tier the policy does not have (the
 * grading policy changed) counts as none: the rules' tier applies at once, as on
 * a first grading.
 */
export function readGradingTime(policy: CompiledPolicy, options: GradingTimeOptions): GradingTimeCheck {
  if (options.at === undefined && options.standing === undefined) return FIRST_GRADING_UNDATED;
  const errors: RecordError[] = [];
  const at = options.at === undefined ? undefined : instant(options.at, '/at', 'at', errors);
  let standing: KnownStanding | undefined;
  if (options.standing !== undefined) {
    standing = readStanding(policy, options.standing, at, errors);
    const protection = policy.document.grading.downgradeProtection;
    if (options.at === undefined && protection && (protection.days !== undefined || protection.minimumDaysInTier !== undefined)) {
      errors.push({
        path: '/at',
        message: `policy '${policy.ref.id}' protects downgrades by days: give the date-time of this grading (at) with the customer's standing`,
      });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, time: { at, standing } };
}

function readStanding(policy: CompiledPolicy, given: unknown, at: Instant | undefined, errors: RecordError[]): KnownStanding | undefined {
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    errors.push({ path: '/standing', message: 'the standing must be an object: { tier, since, below }' });
    return undefined;
  }
  const { tier, since, below } = given as Record<string, unknown>;
  const before = errors.length;
  if (tier !== null && typeof tier !== 'string') {
    errors.push({ path: '/standing/tier', message: `the standing's tier must be a tier id or null, not ${shown(tier)}` });
  }
  const entered = instant(since, '/standing/since', "the standing's since", errors);
  const under = readBelow(below, errors);
  if (at && entered && entered.millis > at.millis) {
    errors.push({ path: '/standing/since', message: `the customer entered its tier at ${entered.text}, after this grading (${at.text})` });
  }
  if (at && under && under.since.millis > at.millis) {
    errors.push({
      path: '/standing/below/since',
      message: `the customer first graded below its tier at ${under.since.text}, after this grading (${at.text})`,
    });
  }
  if (errors.length > before || !entered || under === undefined) return undefined;
  const known = tier === null ? null : policy.document.grading.tiers.find((candidate) => candidate.id === tier);
  return known === undefined ? undefined : { tier: known, since: entered, below: under };
}

function instant(value: unknown, path: string, name: string, errors: RecordError[]): Instant | undefined {
  const millis = parseIsoDate(value);
  if (millis !== undefined) return { millis, text: value as string };
  errors.push({ path, message: `${name} must be an ISO 8601 date-time such as 2026-03-01T00:00:00Z, not ${shown(value)}` });
  return undefined;
}

function shown(value: unknown): string {
  return value === undefined ? 'nothing' : typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? typeof value);
}

function readBelow(below: unknown, errors: RecordError[]): KnownStanding['below'] | undefined {
  if (below === undefined || below === null) return null;
  if (typeof below !== 'object') {
    errors.push({ path: '/standing/below', message: 'below must be null or { count, since }' });
    return undefined;
  }
  const { count, since } = below as Record<string, unknown>;
  const countOk = typeof count === 'number' && Number.isInteger(count) && count >= 1;
  if (!countOk) errors.push({ path: '/standing/below/count', message: `below's count must be a whole number from 1, not ${shown(count)}` });
  const first = instant(since, '/standing/below/since', "below's since", errors);
  return countOk && first ? { count, since: first } : undefined;
}

/** How a customer's tier was decided: by the rules, by hand, or held by downgrade protection. */
export interface TierOutcome {
  /** The tier the rules give. */
  ruled: Tier | undefined;
  override?: AppliedOverride;
  held?: HeldTier;
}

/** Downgrade protection held: the tier the customer gets instead of the rules' one. */
export interface HeldTier {
  tier: Tier;
  record: ProtectionHeld;
  /** What the explanation says after what the rules would give: "kept A, grace 1 of 2". */
  said: string;
}

/** The tier a customer gets: set by hand, else as downgrade protection allows, else the rules'. */
export function decideTier(
  policy: CompiledPolicy,
  ruled: Tier | undefined,
  override: AppliedOverride | undefined,
  time: GradingTime,
): TierOutcome {
  if (override) return { ruled, override };
  const held = protect(policy, ruled, time);
  return held ? { ruled, held } : { ruled };
}

export function decidedTier(outcome: TierOutcome): Tier | undefined {
  return outcome.override?.tier ?? outcome.held?.tier ?? outcome.ruled;
}

function protect(policy: CompiledPolicy, ruled: Tier | undefined, { at, standing }: GradingTime): HeldTier | undefined {
  const settings = policy.document.grading.downgradeProtection;
  if (!settings || !standing) return undefined;
  const current = standing.tier;
  // The rules give the customer's tier or a better one: it rises (or stays) at once.
  if (!current || rankOf(policy, ruled) <= rankOf(policy, current)) return undefined;

  const count = (standing.below?.count ?? 0) + 1;
  // Lint asks for gradings or days; readGradingTime for `at` where days are counted.
  const daysBelow = settings.days !== undefined ? daysFrom(standing.below?.since.millis ?? at!.millis, at!.millis) : undefined;
  const daysInTier = settings.minimumDaysInTier !== undefined ? daysFrom(standing.since.millis, at!.millis) : undefined;
  const graceOver =
    (settings.gradings !== undefined && count >= settings.gradings) || (daysBelow !== undefined && daysBelow >= settings.days!);
  const minimumHolds = daysInTier !== undefined && daysInTier < settings.minimumDaysInTier!;

  const ruledTier = ruled?.id ?? null;
  if (graceOver && !minimumHolds) {
    const next = policy.ranking[rankOf(policy, current) + 1];
    // One tier down is where the rules put it: nothing held.
    if (next?.id === ruled?.id) return undefined;
    // The rules put it further down than the next tier, so there is one.
    const step = next!;
    const reason = 'one tier at a time';
    return {
      tier: step,
      record: { ruledTier, keptTier: step.id, reason },
      said: `falls from ${current.id} to ${step.id} only, ${reason}`,
    };
  }

  const record: ProtectionHeld = { ruledTier, keptTier: current.id, reason: '' };
  if (settings.gradings !== undefined) record.gradings = { count, of: settings.gradings };
  if (daysBelow !== undefined) record.days = { count: Math.floor(daysBelow), of: settings.days! };
  if (daysInTier !== undefined) record.daysInTier = { count: Math.floor(daysInTier), of: settings.minimumDaysInTier! };
  const parts: string[] = [];
  if (!graceOver) {
    if (record.gradings) parts.push(`grace ${record.gradings.count} of ${record.gradings.of}`);
    if (record.days) parts.push(`${record.days.count} of ${record.days.of} days`);
  }
  if (minimumHolds) parts.push(`${record.daysInTier!.count} of the minimum ${record.daysInTier!.of} days in ${current.id}`);
  record.reason = parts.join(', ');
  return { tier: current, record, said: `kept ${current.id}, ${record.reason}` };
}

/**
 * Where the customer stands after this grading, for the caller to store and pass
 * to the next: the same tier keeps its `since`; a new tier starts at `at` with a
 * fresh count; gradings whose rules give a lower tier than the one it keeps add
 * up in `below` until it falls or the rules lift it back. Undefined without `at`.
 */
export function nextStanding(policy: CompiledPolicy, { at, standing }: GradingTime, outcome: TierOutcome): Standing | undefined {
  if (!at) return undefined;
  const tier = decidedTier(outcome);
  const id = tier?.id ?? null;
  if (!standing || (standing.tier?.id ?? null) !== id) return { tier: id, since: at.text, below: null };
  const since = standing.since.text;
  if (rankOf(policy, outcome.ruled) <= rankOf(policy, tier)) return { tier: id, since, below: null };
  const below = standing.below;
  return { tier: id, since, below: { count: (below?.count ?? 0) + 1, since: below ? below.since.text : at.text } };
}

/** 0 for the best tier; no tier ranks below every tier. */
function rankOf(policy: CompiledPolicy, tier: Tier | null | undefined): number {
  return tier ? policy.ranking.findIndex((ranked) => ranked.id === tier.id) : policy.ranking.length;
}

function daysFrom(from: number, to: number): number {
  return (to - from) / DAY;
}
