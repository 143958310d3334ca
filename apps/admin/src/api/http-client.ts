import { fetchUtils, HttpError } from 'react-admin';
import { readToken } from '../auth/token-store';

/** Where the api lives: the console is served by the api itself, so always this origin. */
export const API_URL = '/api/v1';

interface Problem {
  title?: string;
  detail?: string;
  code?: string;
  // The api names each field by its JSON pointer in `path` (`/facts/balance`).
  errors?: { path?: string; message?: string }[];
}

/**
 * fetchJson with the signed-in user's bearer token. The api answers errors as RFC 9457
 * problem+json; react-admin shows an HttpError's message, so the problem's `detail`
 * (written for a business user) becomes the message and the whole problem its body.
 */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const token = readToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers });
  } catch (error) {
    if (error instanceof HttpError) {
      const problem = (error.body ?? {}) as Problem;
      throw new HttpError(problem.detail ?? problem.title ?? error.message, error.status, problem);
    }
    throw error;
  }
}

/** The problem+json body an HttpError carries, if the api sent one. */
export function problemOf(error: unknown): Problem | undefined {
  return error instanceof HttpError ? (error.body as Problem | undefined) : undefined;
}

/** One api call answered with JSON, typed by the caller: `requestJson<Customer>('/customers/C-1')`. */
export async function requestJson<T>(path: string, options: fetchUtils.Options = {}): Promise<T> {
  const { json } = (await httpClient(`${API_URL}${path}`, options)) as { json: T };
  return json;
}
