import type { BreakdownLine, Decision, PolicyRef } from '../src/index.js';

// The seed policy (rules/default) written by hand as one TypeScript function: the
// fastest anyone could answer "which tier and treatments" in Node. It returns
// the very JSON our evaluator returns (run.ts asserts that before timing it),
// including the record checks, so the gap between the two is the price of
// interpreting a policy rather than hard-coding it.

export type HandEvaluation =
  { ok: true; decision: Decision } | { ok: false; customerId: string | null; errors: { path: string; message: string }[] };

const NATURE_POINTS: Readonly<Record<string, number>> = { government: 15, soe: 15, 'joint-stock': 10, private: 5 };
const KNOWN_KEYS = new Set([
  'customerId',
  'nature',
  'strength',
  'growth',
  'profitContribution',
  'relationship',
  'strategicImportance',
  'balance',
  'daysOverdue',
  'blacklisted',
  'upgradePotential',
]);

// Treatment params as the policy document spells them (key order included: it shows in the JSON).
const KEY_ACCOUNT = {
  accountManager: Object.freeze({ dedicated: true }),
  queue: Object.freeze({ priority: 1, greenChannel: true, slaSeconds: 20, slaTarget: 0.9 }),
};
const QUEUE_B = Object.freeze({ priority: 5, greenChannel: false, callbackWithinHours: 24, slaSeconds: 20, slaTarget: 0.85 });
const QUEUE_C = Object.freeze({ priority: 9, greenChannel: false, slaSeconds: 20, slaTarget: 0.85 });
const QUEUE_LAST = Object.freeze({ priority: 99, greenChannel: false });
const FEE = Object.freeze({ amount: 40, currency: 'HKD', period: 'month' });
const BLACKLISTED = Object.freeze({ reason: 'on the blacklist' });
const OVERDUE = Object.freeze({ reason: 'payment more than 180 days overdue' });

const EXPLAIN_A = 'tier A: dedicated account manager; green channel, priority 1 (90% answered within 20 s)';
const EXPLAIN_B = 'tier B: normal queue, priority 5; if the call is not answered, call back within 24 h';
const EXPLAIN_C = 'tier C: normal queue, priority 9 (85% answered within 20 s)';
const EXPLAIN_FEE = 'balance under 5,000 and no upgrade potential: monthly fee HKD 40';
const EXPLAIN_BLACKLIST = 'blacklisted: lowest queue priority; no credit, no other service';
const EXPLAIN_OVERDUE = 'more than 180 days overdue: blacklisted, lowest queue priority; no credit, no other service';

/** `ref` comes from the compiled policy so the hash is the real one. */
export function handWrittenEvaluator(ref: PolicyRef): (record: unknown) => HandEvaluation {
  const policy: PolicyRef = { id: ref.id, version: ref.version, hash: ref.hash };

  return (record) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      return { ok: false, customerId: null, errors: [{ path: '', message: 'a customer record must be an object of facts' }] };
    }
    const input = record as Record<string, unknown>;
    const rawId = input['customerId'];
    const customerId = typeof rawId === 'string' ? rawId : rawId === undefined || rawId === null ? null : JSON.stringify(rawId);
    const errors: { path: string; message: string }[] = [];
    if (rawId !== undefined && (typeof rawId !== 'string' || rawId.length === 0)) {
      errors.push({ path: '/customerId', message: 'customerId must be non-empty text' });
    }
    for (const key in input) if (!KNOWN_KEYS.has(key)) errors.push({ path: `/${key}`, message: `unknown fact '${key}'` });

    const nature = input['nature'];
    const naturePoints = typeof nature === 'string' ? NATURE_POINTS[nature] : undefined;
    if (naturePoints === undefined) errors.push({ path: '/nature', message: 'nature must be government, soe, joint-stock or private' });
    const strength = bounded(input['strength'], 15, 'strength', errors);
    const growth = bounded(input['growth'], 15, 'growth', errors);
    const profitContribution = bounded(input['profitContribution'], 15, 'profitContribution', errors);
    const relationship = bounded(input['relationship'], 20, 'relationship', errors);
    const strategicImportance = bounded(input['strategicImportance'], 20, 'strategicImportance', errors);
    const balance = optionalNumber(input['balance'], 'balance', false, errors);
    const daysOverdue = optionalNumber(input['daysOverdue'], 'daysOverdue', true, errors);
    const blacklisted = optionalBoolean(input['blacklisted'], 'blacklisted', errors);
    const upgradePotential = optionalBoolean(input['upgradePotential'], 'upgradePotential', errors);
    if (errors.length > 0) return { ok: false, customerId, errors };

    // Same order and rounding as totalScore, so float noise (0.1 + 0.2) lands identically.
    let total = naturePoints! + strength;
    total += growth;
    total += profitContribution;
    total += relationship;
    total += strategicImportance;
    const score = Math.round(total * 1e9) / 1e9;

    const breakdown: BreakdownLine[] = [
      { criterion: 'nature', points: naturePoints!, max: 15, reason: `nature is ${nature as string}` },
      { criterion: 'strength', points: strength, max: 15, reason: `strength is ${show(strength)}` },
      { criterion: 'growth', points: growth, max: 15, reason: `growth is ${show(growth)}` },
      { criterion: 'profitContribution', points: profitContribution, max: 15, reason: `profitContribution is ${show(profitContribution)}` },
      { criterion: 'relationship', points: relationship, max: 20, reason: `relationship is ${show(relationship)}` },
      {
        criterion: 'strategicImportance',
        points: strategicImportance,
        max: 20,
        reason: `strategicImportance is ${show(strategicImportance)}`,
      },
    ];

    let tier: string;
    let tierLine: string;
    if (score >= 75) {
      tier = 'A';
      tierLine = `score ${show(score)} >= 75: tier A (key customer)`;
    } else if (score >= 60) {
      tier = 'B';
      tierLine = `score ${show(score)} >= 60: tier B (ordinary customer)`;
    } else {
      tier = 'C';
      tierLine = `score ${show(score)} meets no other tier: tier C (small customer)`;
    }

    // The blacklist rules outrank and suppress everything else; the first one to fire gives both types.
    let treatments: Decision['treatments'];
    let explanation: string[];
    if (blacklisted) {
      treatments = { blacklist: BLACKLISTED, queue: QUEUE_LAST };
      explanation = [tierLine, EXPLAIN_BLACKLIST];
    } else if (daysOverdue > 180) {
      treatments = { blacklist: OVERDUE, queue: QUEUE_LAST };
      explanation = [tierLine, EXPLAIN_OVERDUE];
    } else if (tier === 'A') {
      treatments = { accountManager: KEY_ACCOUNT.accountManager, queue: KEY_ACCOUNT.queue };
      explanation = [tierLine, EXPLAIN_A];
    } else if (tier === 'B') {
      treatments = { queue: QUEUE_B };
      explanation = [tierLine, EXPLAIN_B];
    } else if (balance < 5000 && !upgradePotential) {
      treatments = { queue: QUEUE_C, fee: FEE };
      explanation = [tierLine, EXPLAIN_C, EXPLAIN_FEE];
    } else {
      treatments = { queue: QUEUE_C };
      explanation = [tierLine, EXPLAIN_C];
    }

    return { ok: true, decision: { customerId, tier, score, breakdown, treatments, explanation, policy } };
  };
}

// The scorecard facts: required numbers within [0, max].
function bounded(value: unknown, max: number, name: string, errors: { path: string; message: string }[]): number {
  if (typeof value === 'number' && value >= 0 && value <= max) return value;
  errors.push({ path: `/${name}`, message: `'${name}' must be a number from 0 to ${max}` });
  return 0;
}

// balance and daysOverdue: optional, default 0, at least 0; daysOverdue whole.
function optionalNumber(value: unknown, name: string, integer: boolean, errors: { path: string; message: string }[]): number {
  if (value === undefined) return 0;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && (!integer || Number.isInteger(value))) return value;
  errors.push({ path: `/${name}`, message: `'${name}' must be a ${integer ? 'whole ' : ''}number of at least 0` });
  return 0;
}

function optionalBoolean(value: unknown, name: string, errors: { path: string; message: string }[]): boolean {
  if (value === undefined) return false;
  if (typeof value === 'boolean') return value;
  errors.push({ path: `/${name}`, message: `'${name}' must be true or false` });
  return false;
}

// As the evaluator shows numbers in reasons: whole numbers plain, others to two decimals.
function show(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}
