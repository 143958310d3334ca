import type { Label } from '@tierwise/policy';
import { useLocaleState } from 'react-admin';

/** A policy's bilingual label in the console's language (Chinese when there is one, else English). */
export function labelIn(label: Label | undefined, locale: string, fallback: string): string {
  if (!label) return fallback;
  return locale.startsWith('zh') ? (label.zh ?? label.en) : label.en;
}

/** labelIn for the current locale. */
export function useLocalizedLabel(): (label: Label | undefined, fallback: string) => string {
  const [locale] = useLocaleState();
  return (label, fallback) => labelIn(label, locale, fallback);
}
