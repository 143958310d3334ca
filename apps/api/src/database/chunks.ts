// Keeps one INSERT well under PostgreSQL's 65,535 bind parameters.
export function* chunks<T>(items: readonly T[], size = 500): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
