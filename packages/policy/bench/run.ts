// npm run bench: decisions per second of our evaluator on the seed policy,
// against json-rules-engine, GoRules zen-engine and a hand-written function.
// Equivalence is asserted before anything is timed, so the figures compare
// engines that answer the same question the same way.

import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { compilePolicy, evaluate, type CompiledPolicy, type Decision } from '../src/index.js';
import { loadPolicyDocument } from '../src/node/index.js';
import { generateCustomers, type CustomerRecord } from './customers.js';
import { handWrittenEvaluator } from './hand-written.js';
import { createJreEngine, decideWithJre } from './json-rules-engine-idiomatic.js';
import { measureBatched, measureSequential, measureSync, type Measurement } from './measure.js';
import { createZenRunner, type ZenRunner } from './zen-graph.js';

// BENCH_CUSTOMERS shrinks the run while working on the bench itself; the reported figures use 200,000.
const CUSTOMERS = Number(process.env['BENCH_CUSTOMERS'] ?? 200_000);
const HAND_WRITTEN_CHECKED = 20_000;
const ENGINES_CHECKED = 1_000;
const ZEN_CHUNK = 1_000;
// The slow engines take ~30 s a round on a busy 2-core machine: one round each keeps the whole run near 2-3 minutes.
const SLOW = { warmup: 5_000, budgetMs: 40_000, maxRounds: 3 };

const RULES = fileURLToPath(new URL('../../../rules/default', import.meta.url));

async function main(): Promise<void> {
  console.log(
    `node ${process.version} on ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  );

  const policy = compilePolicy(await loadPolicyDocument(RULES));
  const customers = generateCustomers(CUSTOMERS);
  const hand = handWrittenEvaluator(policy.ref);
  const ours = (record: CustomerRecord) => evaluate(policy, record);
  describePopulation(policy, customers);

  assertHandWrittenMatches(policy, customers, hand);
  const zen = createZenRunner();
  const jre = createJreEngine();
  await assertEnginesAgree(policy, customers, zen, (record) => decideWithJre(jre, record as unknown as Record<string, unknown>));
  console.log(
    `checked: hand-written JSON identical on ${Math.min(HAND_WRITTEN_CHECKED, CUSTOMERS).toLocaleString('en')} customers; json-rules-engine and zen agree on tier, score and treatment types on ${Math.min(ENGINES_CHECKED, CUSTOMERS).toLocaleString('en')}\n`,
  );

  const results: Measurement[] = [];
  const report = (measurement: Measurement) => {
    results.push(measurement);
    console.log(`  ${measurement.engine}: ${Math.round(measurement.perSecond).toLocaleString('en')}/s`);
  };
  console.log(`timing ${CUSTOMERS.toLocaleString('en')} customers per round:`);
  const sync = [
    { engine: 'hand-written function', fn: hand },
    { engine: 'tierwise evaluate()', fn: ours },
  ];
  measureSync(sync, customers, { warmupPasses: 2, rounds: 9 }).forEach(report);
  report(
    await measureSequential(
      'json-rules-engine, awaited one by one',
      customers,
      (record) => decideWithJre(jre, record as unknown as Record<string, unknown>),
      SLOW,
    ),
  );
  report(await measureSequential('zen-engine, awaited one by one', customers, (record) => zen.decide(record), SLOW));
  report(await measureBatched(`zen-engine, Promise.all x${ZEN_CHUNK}`, customers, ZEN_CHUNK, (record) => zen.decide(record), SLOW));
  zen.dispose();

  printTable(results);
}

function describePopulation(policy: CompiledPolicy, customers: readonly CustomerRecord[]): void {
  const tiers: Record<string, number> = {};
  const treatments: Record<string, number> = {};
  for (const customer of customers) {
    const result = evaluate(policy, customer);
    if (!result.ok) throw new Error(`generated customer ${customer.customerId} is invalid: ${JSON.stringify(result.errors)}`);
    tiers[result.decision.tier ?? 'none'] = (tiers[result.decision.tier ?? 'none'] ?? 0) + 1;
    for (const type of Object.keys(result.decision.treatments)) treatments[type] = (treatments[type] ?? 0) + 1;
  }
  const share = (count = 0) => `${((100 * count) / customers.length).toFixed(1)}%`;
  console.log(
    `${customers.length.toLocaleString('en')} customers: ` +
      Object.keys(tiers)
        .sort()
        .map((tier) => `${tier} ${share(tiers[tier])}`)
        .join(', ') +
      `; blacklist ${share(treatments['blacklist'])}, fee ${share(treatments['fee'])}, dedicated manager ${share(treatments['accountManager'])}`,
  );
}

function decisionOf(policy: CompiledPolicy, record: CustomerRecord): Decision {
  const result = evaluate(policy, record);
  if (!result.ok) throw new Error(`our evaluator rejected ${record.customerId}: ${JSON.stringify(result.errors)}`);
  return result.decision;
}

// The hand-written function only counts as the physical limit if it returns the same JSON, byte for byte.
function assertHandWrittenMatches(
  policy: CompiledPolicy,
  customers: readonly CustomerRecord[],
  hand: ReturnType<typeof handWrittenEvaluator>,
): void {
  for (const record of customers.slice(0, HAND_WRITTEN_CHECKED)) {
    const expected = JSON.stringify(decisionOf(policy, record));
    const result = hand(record);
    const actual = JSON.stringify(result.ok ? result.decision : result);
    if (actual !== expected) {
      throw new Error(`hand-written decision differs for ${record.customerId}:\n  ours: ${expected}\n  hand: ${actual}`);
    }
  }
}

interface Comparable {
  tier: string | null;
  score: number | null;
  treatments: Record<string, unknown>;
}

async function assertEnginesAgree(
  policy: CompiledPolicy,
  customers: readonly CustomerRecord[],
  zen: ZenRunner,
  jre: (record: CustomerRecord) => Promise<Comparable>,
): Promise<void> {
  const summary = (d: Comparable) => `tier ${d.tier}, score ${d.score}, treatments ${Object.keys(d.treatments).sort().join('+')}`;
  for (const record of customers.slice(0, ENGINES_CHECKED)) {
    const expected = summary(decisionOf(policy, record));
    for (const [engine, decide] of [
      ['zen-engine', (record: CustomerRecord) => zen.decide(record)],
      ['json-rules-engine', jre],
    ] as const) {
      const actual = summary(await decide(record));
      if (actual !== expected) throw new Error(`${engine} disagrees on ${record.customerId}: ours ${expected}; ${engine} ${actual}`);
    }
  }
}

function printTable(results: readonly Measurement[]): void {
  const find = (prefix: string) => results.find((m) => m.engine.startsWith(prefix))!;
  const hand = find('hand-written');
  const ours = find('tierwise');
  const zenAwaited = find('zen-engine, awaited');
  const us = (value: number) => (value < 10 ? value.toFixed(2) : value < 1000 ? value.toFixed(1) : value.toFixed(0));
  const rows = [
    ['engine', 'rounds', 'decisions/s', 'p50 us', 'p99 us', 'vs hand-written'],
    ...results.map((m) => [
      m.engine,
      String(m.rounds),
      Math.round(m.perSecond).toLocaleString('en'),
      us(m.p50Us),
      us(m.p99Us),
      `${((100 * m.perSecond) / hand.perSecond).toPrecision(3)}%`,
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  console.log(`\n${line(rows[0]!)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows.slice(1)) console.log(line(row));

  const vsZen = ours.perSecond / zenAwaited.perSecond;
  const vsHand = ours.perSecond / hand.perSecond;
  console.log(
    `\ntierwise evaluate() = ${vsZen.toFixed(1)}x zen-engine awaited one by one (target >= 2x): ${vsZen >= 2 ? 'met' : 'MISSED'}`,
  );
  console.log(
    `tierwise evaluate() = ${(100 * vsHand).toFixed(1)}% of the hand-written function (target >= 25%): ${vsHand >= 0.25 ? 'met' : 'MISSED'}`,
  );
  console.log('(sync latencies are per call including ~0.05 us of clock reading; figures are noisy when other work shares the cores)');
}

await main();
