import type { FactDefinition, Label } from '@tierwise/policy';

/** A fact's value as a person reads it: enum values by their label, booleans as yes/no, the rest as written. */
export function factValueText(
  definition: FactDefinition | undefined,
  value: unknown,
  localize: (label: Label | undefined, fallback: string) => string,
  yesNo: (value: boolean) => string,
): string {
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'string') return definition?.enumLabels?.[value] ? localize(definition.enumLabels[value], value) : value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value) ?? '';
}
