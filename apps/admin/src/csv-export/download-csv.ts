import { readToken } from '../auth/token-store';

/** The file name the api proposes in Content-Disposition, or the fallback. */
export function attachmentName(contentDisposition: string | null, fallback: string): string {
  const match = /filename="?([^";]+)"?/i.exec(contentDisposition ?? '');
  return match?.[1] ?? fallback;
}

export class ExportFailedError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * Fetches a server CSV export with the bearer token (a plain link could not send it) and saves it
 * as a file, named as the api proposes.
 */
export async function downloadCsv(url: string, fallbackName: string): Promise<void> {
  const headers = new Headers({ Accept: 'text/csv' });
  const token = readToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const response = await fetch(url, { headers });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string; title?: string };
    throw new ExportFailedError(problem.detail ?? problem.title ?? response.statusText, response.status);
  }
  const href = URL.createObjectURL(await response.blob());
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = attachmentName(response.headers.get('content-disposition'), fallbackName);
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Let the browser start the download before the blob's address goes away.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
