import type { FactDefinition, Label, PolicyDocument } from '@tierwise/policy';

// Small, pure edits of a draft document that the form needs in more than one place.

export type DocumentEdit = (mutate: (draft: PolicyDocument) => void) => void;

/** Renames a key of a record in place, keeping the order of entries (the fact table's row order). */
export function renameKey<T>(record: Record<string, T>, from: string, to: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key === from ? to : key, value]));
}

/** Sets or clears the Chinese text of a label; English is required by the schema and kept as typed. */
export function withLabel(label: Label | undefined, language: 'en' | 'zh', text: string): Label {
  const next: Label = { en: label?.en ?? '' };
  if (label?.zh !== undefined) next.zh = label.zh;
  if (language === 'en') next.en = text;
  else if (text === '') delete next.zh;
  else next.zh = text;
  return next;
}

/** Sets an optional property, or removes it when the value is undefined (so the JSON has no null noise). */
export function setOptional<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

/** A default typed as its fact: true/false for yes/no facts, numbers for numeric ones; other text as typed. */
export function parseDefault(text: string, fact: FactDefinition): FactDefinition['default'] {
  if (text === '') return undefined;
  if (fact.type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  if ((fact.type === 'number' || fact.type === 'integer') && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

export function uniqueName(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let i = 1; ; i += 1) if (!used.has(`${prefix}${i}`)) return `${prefix}${i}`;
}
