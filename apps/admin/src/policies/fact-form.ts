import type { FactDefinition } from './policy-types';

// The test panel's facts form: one input per fact of the version's catalogue. Inputs hold text
// (booleans a flag) so an empty field can mean "not given"; they become typed facts when the test runs.

export type FactFormValues = Record<string, string | boolean>;

export function initialFactValues(facts: Record<string, FactDefinition>): FactFormValues {
  const values: FactFormValues = {};
  for (const [name, fact] of Object.entries(facts)) {
    if (fact.type === 'boolean') values[name] = fact.default === true;
    else values[name] = fact.default === undefined ? '' : String(fact.default);
  }
  return values;
}

/** Typed facts for the test body; an empty field is left out (the policy's default or "required" applies). */
export function factsFromForm(facts: Record<string, FactDefinition>, values: FactFormValues): Record<string, unknown> {
  const typed: Record<string, unknown> = {};
  for (const [name, fact] of Object.entries(facts)) {
    const value = values[name];
    if (value === undefined) continue;
    if (fact.type === 'boolean') {
      typed[name] = value === true;
      continue;
    }
    const text = String(value).trim();
    if (text === '') continue;
    // A number that does not parse goes as typed, so the api names the problem next to the field.
    typed[name] = (fact.type === 'number' || fact.type === 'integer') && Number.isFinite(Number(text)) ? Number(text) : text;
  }
  return typed;
}

/** Field errors from an invalid-facts problem (`/facts/<name>`), keyed by fact name. */
export function factErrors(errors: readonly { path?: string; message?: string }[]): Record<string, string> {
  const byFact: Record<string, string> = {};
  for (const { path, message } of errors) {
    const match = /^\/facts\/([^/]+)/.exec(path ?? '');
    if (match && message) {
      const name = match[1]!.replace(/~1/g, '/').replace(/~0/g, '~');
      byFact[name] = byFact[name] ? `${byFact[name]}; ${message}` : message;
    }
  }
  return byFact;
}
