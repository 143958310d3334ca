import { isDeepStrictEqual } from 'node:util';

// What an update changed, as audit rows record it in summary.changes: only the
// keys whose value moved, each with its value before and after. A key missing
// on one side (a fact given or dropped) has no `before` or no `after` member,
// which keeps "absent" apart from a stored null.

export interface FieldChange {
  before?: unknown;
  after?: unknown;
}

export type Changes = Record<string, FieldChange>;

/** The changes between two records over `keys` (all keys of either when omitted). */
export function changesBetween(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  keys: readonly string[] = [...new Set([...Object.keys(before), ...Object.keys(after)])],
): Changes {
  const changes: Changes = {};
  for (const key of keys) {
    const had = Object.hasOwn(before, key);
    const has = Object.hasOwn(after, key);
    if (had && has && isDeepStrictEqual(before[key], after[key])) continue;
    if (!had && !has) continue;
    const change: FieldChange = {};
    if (had) change.before = before[key];
    if (has) change.after = after[key];
    changes[key] = change;
  }
  return changes;
}

/** A customer's replaced fields: name and phone as values, facts key by key. */
export function customerChanges(
  before: { name: string; phone: string | null; facts: Readonly<Record<string, unknown>> },
  after: { name: string; phone: string | null; facts: Readonly<Record<string, unknown>> },
): Record<string, unknown> {
  const changes: Record<string, unknown> = changesBetween(
    { name: before.name, phone: before.phone },
    { name: after.name, phone: after.phone },
  );
  const facts = changesBetween(before.facts, after.facts);
  if (Object.keys(facts).length > 0) changes['facts'] = facts;
  return changes;
}
