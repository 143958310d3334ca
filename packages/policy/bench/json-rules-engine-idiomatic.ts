import { Engine, type Almanac, type Event, type RuleProperties } from 'json-rules-engine';

// The seed policy written the way json-rules-engine's own docs and examples
// would have a team write it, without any of our compilation: score as a
// dynamic fact, tier rules that publish the tier as a runtime fact, treatment
// rules on the tier at a lower engine priority (so they run after the tiers),
// and the conflict rule (highest priority wins per type, blacklists suppress
// everything else) applied to the events after the run.

export interface JreDecision {
  customerId: string;
  tier: string;
  score: number;
  treatments: Record<string, Record<string, unknown>>;
  explanation: string[];
}

interface TreatmentParams {
  /** Conflict priority from the policy, not the engine's execution priority. */
  priority: number;
  /** Document order, to break priority ties deterministically (events arrive in completion order). */
  order: number;
  suppressOthers: boolean;
  treatments: { type: string; params: Record<string, unknown> }[];
  explanation: string;
}

const NATURE_POINTS: Record<string, number> = { government: 15, soe: 15, 'joint-stock': 10, private: 5 };

// Engine execution priorities: json-rules-engine finishes every rule of a higher priority before a lower one starts.
const TIER_STAGE = 100;
const TREATMENT_STAGE = 10;

function tierRule(tier: string, label: string, conditions: RuleProperties['conditions']): RuleProperties {
  return {
    name: `tier-${tier}`,
    priority: TIER_STAGE,
    conditions,
    event: { type: 'tier', params: { tier, label } },
    // The idiomatic way to chain rules: publish the outcome as a fact for later rules.
    onSuccess: (_event: Event, almanac: Almanac) => almanac.addRuntimeFact('tier', tier),
  };
}

function treatmentRule(name: string, conditions: RuleProperties['conditions'], params: TreatmentParams): RuleProperties {
  return {
    name,
    priority: TREATMENT_STAGE,
    conditions,
    event: { type: 'treatment', params: params },
  };
}

const RULES: RuleProperties[] = [
  tierRule('A', 'key customer', { all: [{ fact: 'score', operator: 'greaterThanInclusive', value: 75 }] }),
  tierRule('B', 'ordinary customer', {
    all: [
      { fact: 'score', operator: 'greaterThanInclusive', value: 60 },
      { fact: 'score', operator: 'lessThan', value: 75 },
    ],
  }),
  tierRule('C', 'small customer', { all: [{ fact: 'score', operator: 'lessThan', value: 60 }] }),

  treatmentRule(
    'key-account',
    { all: [{ fact: 'tier', operator: 'equal', value: 'A' }] },
    {
      priority: 10,
      order: 0,
      suppressOthers: false,
      treatments: [
        { type: 'accountManager', params: { dedicated: true } },
        { type: 'queue', params: { priority: 1, greenChannel: true, slaSeconds: 20, slaTarget: 0.9 } },
      ],
      explanation: 'tier A: dedicated account manager; green channel, priority 1 (90% answered within 20 s)',
    },
  ),
  treatmentRule(
    'ordinary-service',
    { all: [{ fact: 'tier', operator: 'equal', value: 'B' }] },
    {
      priority: 10,
      order: 1,
      suppressOthers: false,
      treatments: [
        { type: 'queue', params: { priority: 5, greenChannel: false, callbackWithinHours: 24, slaSeconds: 20, slaTarget: 0.85 } },
      ],
      explanation: 'tier B: normal queue, priority 5; if the call is not answered, call back within 24 h',
    },
  ),
  treatmentRule(
    'small-service',
    { all: [{ fact: 'tier', operator: 'equal', value: 'C' }] },
    {
      priority: 10,
      order: 2,
      suppressOthers: false,
      treatments: [{ type: 'queue', params: { priority: 9, greenChannel: false, slaSeconds: 20, slaTarget: 0.85 } }],
      explanation: 'tier C: normal queue, priority 9 (85% answered within 20 s)',
    },
  ),
  treatmentRule(
    'small-account-fee',
    {
      all: [
        { fact: 'tier', operator: 'equal', value: 'C' },
        { fact: 'balance', operator: 'lessThan', value: 5000 },
        { fact: 'upgradePotential', operator: 'equal', value: false },
      ],
    },
    {
      priority: 10,
      order: 3,
      suppressOthers: false,
      treatments: [{ type: 'fee', params: { amount: 40, currency: 'HKD', period: 'month' } }],
      explanation: 'balance under 5,000 and no upgrade potential: monthly fee HKD 40',
    },
  ),
  treatmentRule(
    'blacklist-flag',
    { all: [{ fact: 'blacklisted', operator: 'equal', value: true }] },
    {
      priority: 100,
      order: 4,
      suppressOthers: true,
      treatments: [
        { type: 'blacklist', params: { reason: 'on the blacklist' } },
        { type: 'queue', params: { priority: 99, greenChannel: false } },
      ],
      explanation: 'blacklisted: lowest queue priority; no credit, no other service',
    },
  ),
  treatmentRule(
    'blacklist-overdue',
    { all: [{ fact: 'daysOverdue', operator: 'greaterThan', value: 180 }] },
    {
      priority: 90,
      order: 5,
      suppressOthers: true,
      treatments: [
        { type: 'blacklist', params: { reason: 'payment more than 180 days overdue' } },
        { type: 'queue', params: { priority: 99, greenChannel: false } },
      ],
      explanation: 'more than 180 days overdue: blacklisted, lowest queue priority; no credit, no other service',
    },
  ),
];

/** One Engine, reused by sequential runs only (it keeps run state on itself: never share it across overlapping runs). */
export function createJreEngine(): Engine {
  const engine = new Engine(RULES);
  // Defaults for optional facts; facts passed to run() override these.
  engine.addFact('balance', 0);
  engine.addFact('daysOverdue', 0);
  engine.addFact('blacklisted', false);
  engine.addFact('upgradePotential', false);
  engine.addFact('score', async (_params, almanac) => {
    const [nature, ...points] = await Promise.all([
      almanac.factValue<string>('nature'),
      almanac.factValue<number>('strength'),
      almanac.factValue<number>('growth'),
      almanac.factValue<number>('profitContribution'),
      almanac.factValue<number>('relationship'),
      almanac.factValue<number>('strategicImportance'),
    ]);
    const total = points.reduce((sum, value) => sum + value, NATURE_POINTS[nature] ?? 0);
    // Points with decimals add up with float noise (74.99999999999999); round it or a 75 lands in tier B.
    return Math.round(total * 1e9) / 1e9;
  });
  return engine;
}

export async function decideWithJre(engine: Engine, facts: Record<string, unknown>): Promise<JreDecision> {
  const { events, almanac } = await engine.run(facts);
  const tierEvent = events.find((event) => event.type === 'tier');
  const fired = events
    .filter((event) => event.type === 'treatment')
    .map((event) => event.params as unknown as TreatmentParams)
    .sort((a, b) => b.priority - a.priority || a.order - b.order);

  // Conflict resolution: a suppressing rule keeps only the types it gives itself; then first (highest) wins per type.
  const allowed = new Set<string>();
  const suppressing = fired.filter((rule) => rule.suppressOthers);
  for (const rule of suppressing) for (const t of rule.treatments) allowed.add(t.type);
  const treatments: JreDecision['treatments'] = {};
  const explanation: string[] = [];
  const score = await almanac.factValue<number>('score');
  explanation.push(`score ${score}: tier ${String(tierEvent?.params?.['tier'])} (${String(tierEvent?.params?.['label'])})`);
  for (const rule of fired) {
    let contributed = false;
    for (const t of rule.treatments) {
      if ((suppressing.length > 0 && !allowed.has(t.type)) || t.type in treatments) continue;
      treatments[t.type] = t.params;
      contributed = true;
    }
    if (contributed) explanation.push(rule.explanation);
  }
  return { customerId: String(facts['customerId']), tier: String(tierEvent?.params?.['tier']), score, treatments, explanation };
}
