import { DomainException } from './domain.exception.js';

// `customers 0-24/319`, or `customers */0` for an empty page (react-admin reads the total after the slash).
export function contentRange(resource: string, start: number, count: number, total: number): string {
  return count === 0 ? `${resource} */${total}` : `${resource} ${start}-${start + count - 1}/${total}`;
}

export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The version an If-Match header names; undefined when absent. Weak tags and lists are refused, not guessed at. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw DomainException.invalidRequest([
      { path: '/headers/if-match', message: `If-Match must be one version as an ETag, e.g. "3", not ${header.slice(0, 40)}` },
    ]);
  }
  return Number(match[1]);
}
