import type { CatalogueFact } from '../catalogue.js';
import { parseIsoDate } from '../dates.js';

/** A fact value as conditions compare it: dates become epoch milliseconds. */
export type NormalizedValue = number | boolean | string;

export type ValueCheck = { ok: true; value: NormalizedValue } | { ok: false; message: string };

/** Checks one supplied value against its fact definition. Nothing is coerced: "12" is not 12. */
export function checkFactValue(fact: CatalogueFact, value: unknown): ValueCheck {
  switch (fact.type) {
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(`must be a number, not ${show(value)}`);
      if (fact.type === 'integer' && !Number.isInteger(value)) return fail(`must be a whole number, not ${show(value)}`);
      return inRange(fact, value, value);
    }
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : fail(`must be true or false, not ${show(value)}`);
    case 'string':
      if (typeof value !== 'string') return fail(`must be text, not ${show(value)}`);
      if (fact.allowed && !fact.allowed.has(value)) {
        return fail(`must be one of ${[...fact.allowed].join(', ')}, not ${show(value)}`);
      }
      return { ok: true, value };
    case 'date': {
      const millis = parseIsoDate(value);
      if (millis === undefined) return fail(`must be a date written yyyy-mm-dd, not ${show(value)}`);
      return inRange(fact, millis, value);
    }
  }
}

/** Why a catalogue default does not fit its own fact, if it does not. */
export function defaultProblem(fact: CatalogueFact, value: unknown): string | undefined {
  const check = checkFactValue(fact, value);
  return check.ok ? undefined : check.message;
}

// `supplied` is the value as given (a date's text), formatted only for a message:
// this runs for every fact of every customer.
function inRange(fact: CatalogueFact, value: number, supplied: unknown): ValueCheck {
  if (fact.min !== undefined && value < fact.min) return fail(`is ${show(supplied)} but must be at least ${bound(fact, fact.min)}`);
  if (fact.max !== undefined && value > fact.max) return fail(`is ${show(supplied)} but must be at most ${bound(fact, fact.max)}`);
  return { ok: true, value };
}

function bound(fact: CatalogueFact, value: number): string {
  return fact.type === 'date' ? new Date(value).toISOString().slice(0, 10) : String(value);
}

// JSON.stringify writes NaN and Infinity as null, which would name the wrong value.
function show(value: unknown): string {
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
}

function fail(message: string): ValueCheck {
  return { ok: false, message };
}
