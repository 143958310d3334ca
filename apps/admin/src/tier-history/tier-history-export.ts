import type { SortPayload } from 'react-admin';
import { API_URL } from '../api/http-client';
import { readToken } from '../auth/token-store';

// GET /tier-history/export.csv streams every entry the list's filter selects, in the list's sort
// (it takes the same filter and sort, and no range). Mirrors the audit log's export (audit-events/audit-export.ts).

export function tierHistoryExportUrl(filter: Record<string, unknown>, sort: SortPayload): string {
  const query = new URLSearchParams({ filter: JSON.stringify(filter), sort: JSON.stringify([sort.field, sort.order]) });
  return `${API_URL}/tier-history/export.csv?${query.toString()}`;
}

/** The file name the api proposes in Content-Disposition, or a fallback. */
export function attachmentName(contentDisposition: string | null): string {
  const match = /filename="?([^";]+)"?/i.exec(contentDisposition ?? '');
  return match?.[1] ?? 'tier-history.csv';
}

export class TierHistoryExportError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Fetches the export with the bearer token (a plain link could not send it) and saves it as a file. */
export async function downloadTierHistoryCsv(filter: Record<string, unknown>, sort: SortPayload): Promise<void> {
  const headers = new Headers({ Accept: 'text/csv' });
  const token = readToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const response = await fetch(tierHistoryExportUrl(filter, sort), { headers });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string; title?: string };
    throw new TierHistoryExportError(problem.detail ?? problem.title ?? response.statusText, response.status);
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = attachmentName(response.headers.get('content-disposition'));
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Let the browser start the download before the blob's address goes away.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
