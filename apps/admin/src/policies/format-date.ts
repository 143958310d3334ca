/** A timestamp in the console's language, or null for "not yet". */
export function formatDateTime(iso: string | null, locale: string): string | null {
  return iso ? new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : null;
}
