/** A timestamp in the console's language, or null for "not yet"; `short` for table cells. */
export function formatDateTime(iso: string | null, locale: string, style: 'medium' | 'short' = 'medium'): string | null {
  return iso ? new Date(iso).toLocaleString(locale, { dateStyle: style, timeStyle: 'short' }) : null;
}
