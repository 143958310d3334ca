import { API_URL } from '../../api/http-client';
import { readToken } from '../../auth/token-store';
import type { ImportMediaType, ImportProblem, ImportResult } from './import-file';

export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; problem: ImportProblem };

/**
 * POST /customers/import with the file as the body. XMLHttpRequest rather than fetch: only it
 * reports upload progress. `onUploaded` fires when the last byte is sent and the api is checking
 * and grading (all or nothing, one transaction).
 */
export function uploadImport(
  file: Blob,
  mediaType: ImportMediaType,
  handlers: { onProgress: (fraction: number) => void; onUploaded: () => void },
  signal: AbortSignal,
): Promise<ImportOutcome> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${API_URL}/customers/import`);
    request.setRequestHeader('Content-Type', `${mediaType}; charset=utf-8`);
    request.setRequestHeader('Accept', 'application/json');
    const token = readToken();
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) handlers.onProgress(event.loaded / event.total);
    };
    request.upload.onload = () => handlers.onUploaded();
    request.onload = () => {
      const body = parseJson(request.responseText);
      if (request.status === 200) resolve({ ok: true, result: body as ImportResult });
      else resolve({ ok: false, problem: { status: request.status, detail: request.statusText, ...(body as Partial<ImportProblem>) } });
    };
    request.onerror = () => reject(new Error('the upload did not reach the server'));
    request.onabort = () => reject(new DOMException('the import was cancelled', 'AbortError'));
    signal.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
}
