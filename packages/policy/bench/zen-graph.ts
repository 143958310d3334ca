import { ZenEngine, type ZenDecision } from '@gorules/zen-engine';

// The seed policy as a GoRules JDM decision graph, authored the way the JDM
// editor would save it:
//   request -> nature points (table) -> score and defaults (expression)
//           -> tier (table) -> service (table) -> decision (expression) -> response
// The service table uses the "first" hit policy with its rows in priority
// order: that is how JDM expresses our conflict rule (the blacklist rows come
// first and give only their own treatments, which is the "*" suppression; the
// C row with the small-account fee comes before the plain C row).

export interface ZenResult {
  customerId: string;
  tier: string;
  score: number;
  treatments: Record<string, Record<string, unknown>>;
  explanation: string[];
}

const position = { x: 0, y: 0 };
const edge = (sourceId: string, targetId: string) => ({ id: `${sourceId}->${targetId}`, sourceId, targetId, type: 'edge' });
const text = (value: string) => JSON.stringify(value);

const naturePoints = {
  id: 'nature-points',
  type: 'decisionTableNode',
  name: 'Nature points',
  position,
  content: {
    hitPolicy: 'first',
    passThrough: true,
    inputField: null,
    outputPath: null,
    executionMode: 'single',
    inputs: [{ id: 'nature', name: 'Customer nature', field: 'nature' }],
    outputs: [{ id: 'points', name: 'Points', field: 'naturePoints' }],
    rules: [
      { _id: 'n1', nature: '"government", "soe"', points: '15' },
      { _id: 'n2', nature: '"joint-stock"', points: '10' },
      { _id: 'n3', nature: '"private"', points: '5' },
    ],
  },
};

const scoreAndDefaults = {
  id: 'score',
  type: 'expressionNode',
  name: 'Score and defaults',
  position,
  content: {
    passThrough: true,
    inputField: null,
    outputPath: null,
    executionMode: 'single',
    expressions: [
      { id: 's', key: 'score', value: 'naturePoints + strength + growth + profitContribution + relationship + strategicImportance' },
      { id: 'b', key: 'balance', value: 'balance ?? 0' },
      { id: 'd', key: 'daysOverdue', value: 'daysOverdue ?? 0' },
      { id: 'x', key: 'blacklisted', value: 'blacklisted ?? false' },
      { id: 'u', key: 'upgradePotential', value: 'upgradePotential ?? false' },
    ],
  },
};

const tier = {
  id: 'tier',
  type: 'decisionTableNode',
  name: 'Tier',
  position,
  content: {
    hitPolicy: 'first',
    passThrough: true,
    inputField: null,
    outputPath: null,
    executionMode: 'single',
    inputs: [{ id: 'score', name: 'Score', field: 'score' }],
    outputs: [
      { id: 'tier', name: 'Tier', field: 'tier' },
      { id: 'line', name: 'Explanation', field: 'tierLine' },
    ],
    rules: [
      { _id: 't1', score: '>= 75', tier: '"A"', line: '"score " + string(score) + " >= 75: tier A (key customer)"' },
      { _id: 't2', score: '>= 60', tier: '"B"', line: '"score " + string(score) + " >= 60: tier B (ordinary customer)"' },
      { _id: 't3', score: '', tier: '"C"', line: '"score " + string(score) + " meets no other tier: tier C (small customer)"' },
    ],
  },
};

const QUEUE_LAST = '{ priority: 99, greenChannel: false }';
const QUEUE_C = '{ priority: 9, greenChannel: false, slaSeconds: 20, slaTarget: 0.85 }';
const EXPLAIN_C = text('tier C: normal queue, priority 9 (85% answered within 20 s)');

const service = {
  id: 'service',
  type: 'decisionTableNode',
  name: 'Service',
  position,
  content: {
    hitPolicy: 'first',
    passThrough: true,
    inputField: null,
    outputPath: null,
    executionMode: 'single',
    inputs: [
      { id: 'blacklisted', name: 'Blacklisted', field: 'blacklisted' },
      { id: 'daysOverdue', name: 'Days overdue', field: 'daysOverdue' },
      { id: 'tier', name: 'Tier', field: 'tier' },
      { id: 'balance', name: 'Balance', field: 'balance' },
      { id: 'upgradePotential', name: 'Upgrade potential', field: 'upgradePotential' },
    ],
    outputs: [
      { id: 'blacklist', name: 'Blacklist', field: 'treatments.blacklist' },
      { id: 'accountManager', name: 'Account manager', field: 'treatments.accountManager' },
      { id: 'queue', name: 'Queue', field: 'treatments.queue' },
      { id: 'fee', name: 'Fee', field: 'treatments.fee' },
      { id: 'lines', name: 'Explanation', field: 'serviceLines' },
    ],
    rules: [
      row(
        'blacklist-flag',
        { blacklisted: 'true' },
        {
          blacklist: '{ reason: "on the blacklist" }',
          queue: QUEUE_LAST,
          lines: `[${text('blacklisted: lowest queue priority; no credit, no other service')}]`,
        },
      ),
      row(
        'blacklist-overdue',
        { daysOverdue: '> 180' },
        {
          blacklist: '{ reason: "payment more than 180 days overdue" }',
          queue: QUEUE_LAST,
          lines: `[${text('more than 180 days overdue: blacklisted, lowest queue priority; no credit, no other service')}]`,
        },
      ),
      row(
        'key-account',
        { tier: '"A"' },
        {
          accountManager: '{ dedicated: true }',
          queue: '{ priority: 1, greenChannel: true, slaSeconds: 20, slaTarget: 0.9 }',
          lines: `[${text('tier A: dedicated account manager; green channel, priority 1 (90% answered within 20 s)')}]`,
        },
      ),
      row(
        'ordinary-service',
        { tier: '"B"' },
        {
          queue: '{ priority: 5, greenChannel: false, callbackWithinHours: 24, slaSeconds: 20, slaTarget: 0.85 }',
          lines: `[${text('tier B: normal queue, priority 5; if the call is not answered, call back within 24 h')}]`,
        },
      ),
      row(
        'small-account-fee',
        { tier: '"C"', balance: '< 5000', upgradePotential: 'false' },
        {
          queue: QUEUE_C,
          fee: '{ amount: 40, currency: "HKD", period: "month" }',
          lines: `[${EXPLAIN_C}, ${text('balance under 5,000 and no upgrade potential: monthly fee HKD 40')}]`,
        },
      ),
      row('small-service', { tier: '"C"' }, { queue: QUEUE_C, lines: `[${EXPLAIN_C}]` }),
    ],
  },
};

// A table row: every input and output column gets a cell; an empty input cell matches anything,
// an empty output cell leaves that field out.
function row(id: string, when: Record<string, string>, then: Record<string, string>): Record<string, string> {
  const cells: Record<string, string> = { _id: id };
  for (const input of ['blacklisted', 'daysOverdue', 'tier', 'balance', 'upgradePotential']) cells[input] = when[input] ?? '';
  for (const output of ['blacklist', 'accountManager', 'queue', 'fee', 'lines']) cells[output] = then[output] ?? '';
  return cells;
}

// The response contract: only what a caller needs, not every intermediate field.
const decision = {
  id: 'decision',
  type: 'expressionNode',
  name: 'Decision',
  position,
  content: {
    passThrough: false,
    inputField: null,
    outputPath: null,
    executionMode: 'single',
    expressions: [
      { id: 'c', key: 'customerId', value: 'customerId' },
      { id: 't', key: 'tier', value: 'tier' },
      { id: 's', key: 'score', value: 'score' },
      { id: 'r', key: 'treatments', value: 'treatments' },
      { id: 'e', key: 'explanation', value: 'flatten([[tierLine], serviceLines])' },
    ],
  },
};

export const SEED_POLICY_GRAPH = {
  contentType: 'application/vnd.gorules.decision',
  nodes: [
    { id: 'request', type: 'inputNode', name: 'Request', position },
    naturePoints,
    scoreAndDefaults,
    tier,
    service,
    decision,
    { id: 'response', type: 'outputNode', name: 'Response', position },
  ],
  edges: [
    edge('request', 'nature-points'),
    edge('nature-points', 'score'),
    edge('score', 'tier'),
    edge('tier', 'service'),
    edge('service', 'decision'),
    edge('decision', 'response'),
  ],
};

export interface ZenRunner {
  decide(record: object): Promise<ZenResult>;
  dispose(): void;
}

/** Parses the graph once; `decide` crosses into the native engine once per customer. */
export function createZenRunner(): ZenRunner {
  const engine = new ZenEngine();
  const compiled: ZenDecision = engine.createDecision(SEED_POLICY_GRAPH);
  return {
    decide: async (record) => (await compiled.evaluate(record)).result as ZenResult,
    dispose: () => engine.dispose(),
  };
}
