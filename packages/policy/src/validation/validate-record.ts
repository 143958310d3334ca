import type { CatalogueFact, FactCatalogue } from '../catalogue.js';
import { pointer } from '../finding.js';
import { checkFactValue, type NormalizedValue } from './fact-value.js';

export interface RecordError {
  /** JSON pointer into the record, e.g. /strength */
  path: string;
  message: string;
}

export type NormalizedFacts = Record<string, NormalizedValue>;

export type RecordCheck = { ok: true; facts: NormalizedFacts } | { ok: false; errors: RecordError[] };

/** Keys a record may carry besides its facts. */
const IDENTITY_KEYS: ReadonlySet<string> = new Set(['customerId']);

/**
 * Checks a customer's facts against the catalogue and reports every problem at
 * once. Defaults fill absent optional facts; nothing else is filled or guessed.
 */
export function validateRecord(record: unknown, catalogue: FactCatalogue): RecordCheck {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { ok: false, errors: [{ path: '', message: 'a customer record must be an object of facts' }] };
  }
  const input = record as Record<string, unknown>;
  const errors: RecordError[] = [];
  // No prototype: a fact named 'constructor' or 'toString' that is absent reads as
  // absent everywhere the facts go (conditions, explanations, population), as in
  // json-rules-engine, whose Almanac keeps facts in a Map.
  const facts: NormalizedFacts = Object.create(null) as NormalizedFacts;
  for (const key of Object.keys(input)) {
    if (IDENTITY_KEYS.has(key)) continue;
    const fact = catalogue.get(key);
    if (!fact) errors.push({ path: pointer(key), message: `unknown fact '${key}'` });
    else if (fact.origin !== 'record') {
      errors.push({ path: pointer(key), message: `'${key}' is computed over all customers and cannot be supplied` });
    }
  }
  const { recordFacts, defaults } = prepared(catalogue);
  for (const fact of recordFacts) {
    // Own keys only: a fact named 'toString' must not read Object.prototype.
    const value = Object.hasOwn(input, fact.name) ? input[fact.name] : undefined;
    if (value === undefined) {
      // A required fact must be supplied even when it has a default (lint warns that default is unused).
      if (fact.required) errors.push({ path: pointer(fact.name), message: `'${fact.name}' (${fact.label.en}) is required` });
      else if (defaults.has(fact.name)) facts[fact.name] = defaults.get(fact.name)!;
      continue;
    }
    const check = checkFactValue(fact, value);
    if (check.ok) facts[fact.name] = check.value;
    else errors.push({ path: pointer(fact.name), message: `'${fact.name}' ${check.message}` });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, facts };
}

interface PreparedCatalogue {
  recordFacts: readonly CatalogueFact[];
  /** Each optional fact's default, already normalised (a date default in epoch ms). */
  defaults: ReadonlyMap<string, NormalizedValue>;
}

// A catalogue is immutable once compiled; what every record needs from it is worked out once.
const preparedCatalogues = new WeakMap<FactCatalogue, PreparedCatalogue>();

function prepared(catalogue: FactCatalogue): PreparedCatalogue {
  let entry = preparedCatalogues.get(catalogue);
  if (!entry) {
    const recordFacts = [...catalogue.values()].filter((fact) => fact.origin === 'record');
    const defaults = new Map<string, NormalizedValue>();
    for (const fact of recordFacts) {
      if (fact.default === undefined) continue;
      // A default that does not fit its fact is a lint error; such a policy never evaluates.
      const fallback = checkFactValue(fact, fact.default);
      if (fallback.ok) defaults.set(fact.name, fallback.value);
    }
    entry = { recordFacts, defaults };
    preparedCatalogues.set(catalogue, entry);
  }
  return entry;
}
