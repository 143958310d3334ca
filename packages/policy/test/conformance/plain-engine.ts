import { Engine } from 'json-rules-engine';
import type { Condition, FactCondition, TopLevelCondition } from '../../src/index.js';
import { expectedScope, FACTS } from './conformance-policy.js';

// json-rules-engine 7.3.1 used as a stranger would: a bare Engine built from the
// rule's JSON, fed the fact values the policy defines (defaults filled, dates as
// epoch milliseconds, score, points and tier from the scorecard), all worked out
// here without the policy package.

export type EngineAnswer = { fired: boolean } | { error: string };

export function plainEngine(conditions: TopLevelCondition): Engine {
  const rule = { conditions: withDatesAsMillis(conditions) as never, event: { type: 'probe' } };
  return new Engine([rule], { allowUndefinedFacts: true });
}

export async function runPlainEngine(engine: Engine, record: Readonly<Record<string, unknown>>): Promise<EngineAnswer> {
  try {
    const { results } = await engine.run(engineFacts(record));
    return { fired: results.length === 1 };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The facts a policy gives its conditions for this record. */
export function engineFacts(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const [name, definition] of Object.entries(FACTS)) {
    const value = Object.hasOwn(record, name) ? record[name] : definition.default;
    if (value === undefined) continue;
    facts[name] = definition.type === 'date' ? Date.parse(value as string) : value;
  }
  const { score, points, tier } = expectedScope(facts);
  return { ...facts, score, points, tier };
}

// Date facts reach conditions as epoch milliseconds, so their literals must too.
function withDatesAsMillis<T extends Condition | TopLevelCondition>(condition: T): T {
  if ('all' in condition) return { all: condition.all.map(withDatesAsMillis) } as T;
  if ('any' in condition) return { any: condition.any.map(withDatesAsMillis) } as T;
  if ('not' in condition) return { not: withDatesAsMillis(condition.not) } as T;
  const leaf: FactCondition = condition;
  if (!Object.hasOwn(FACTS, leaf.fact) || FACTS[leaf.fact]!.type !== 'date') return structuredClone(condition);
  const toMillis = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : value);
  const value = Array.isArray(leaf.value) ? leaf.value.map(toMillis) : toMillis(leaf.value);
  return { ...leaf, value } as T;
}
