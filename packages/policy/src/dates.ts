// Date facts are compared as milliseconds since the epoch, both in our compiled
// evaluator and when json-rules-engine runs them (its numeric operators need numbers).

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Milliseconds since the epoch, or undefined when the text is not an ISO 8601 date. */
export function parseIsoDate(text: unknown): number | undefined {
  if (typeof text !== 'string' || !ISO_DATE.test(text)) return undefined;
  const millis = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
  return Number.isNaN(millis) ? undefined : millis;
}
