import { useLocaleState } from 'react-admin';
import type { Label } from './policy-types';

/** A policy's bilingual label in the console's language (Chinese when there is one, else English). */
export function useLocalizedLabel() {
  const [locale] = useLocaleState();
  return (label: Label | undefined, fallback: string): string => {
    if (!label) return fallback;
    return locale === 'zh-CN' ? (label.zh ?? label.en) : label.en;
  };
}
