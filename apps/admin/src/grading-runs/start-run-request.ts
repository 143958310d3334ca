import type { StartRunRequest } from './grading-run';

/** Customer ids typed or pasted one way or another: split on commas, semicolons and white space, each once. */
export function parseCustomerIds(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((id) => id !== ''))];
}

/**
 * The body of POST /grading-runs from the dialog. No policyId: the api grades under the grading policy's
 * version in force. No filter at all when nothing narrows it (every customer); tiers and ids both narrow.
 */
export function startRunRequest(tiers: readonly string[], idsText: string): StartRunRequest {
  const ids = parseCustomerIds(idsText);
  const filter = { ...(tiers.length > 0 ? { tiers: [...tiers] } : {}), ...(ids.length > 0 ? { ids } : {}) };
  return Object.keys(filter).length > 0 ? { filter } : {};
}
