import type { FactDefinition } from '@tierwise/policy';

// The checks the api makes on a fact (packages/policy validateRecord), run in the form as the user
// types so most mistakes never reach the server. The api stays the authority: what it reports
// is shown next to the field too (problem-fields.ts).

const V = 'tierwise.customers.validation';

/** A translation key and its arguments: react-admin translates validator results of this shape. */
export interface FactProblem {
  message: string;
  args?: Record<string, unknown>;
}

/** A form value that means "not given": the fact is left out of the record (its default applies). */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

export function checkFact(definition: FactDefinition, value: unknown): FactProblem | undefined {
  if (isBlank(value)) return definition.required ? { message: `${V}.required` } : undefined;
  switch (definition.type) {
    case 'number':
    case 'integer':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { message: `${V}.number` };
      if (definition.type === 'integer' && !Number.isInteger(value)) return { message: `${V}.integer` };
      return inRange(definition, value);
    case 'boolean':
      return typeof value === 'boolean' ? undefined : { message: `${V}.boolean` };
    case 'string':
      if (typeof value !== 'string') return { message: `${V}.text` };
      if (definition.enum && !definition.enum.includes(value))
        return { message: `${V}.oneOf`, args: { values: definition.enum.join(', ') } };
      return undefined;
    case 'date':
      if (!isIsoDate(value)) return { message: `${V}.date` };
      // yyyy-mm-dd compares as text in date order.
      return inRange(definition, value);
  }
}

function inRange(definition: FactDefinition, value: number | string): FactProblem | undefined {
  const { min, max } = definition;
  if (min !== undefined && value < min) return { message: `${V}.min`, args: { min } };
  if (max !== undefined && value > max) return { message: `${V}.max`, args: { max } };
  return undefined;
}

function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The facts as the api takes them: blanks left out, so optional facts fall back to their defaults. */
export function factsForSaving(facts: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(facts ?? {}).filter(([, value]) => !isBlank(value)));
}
