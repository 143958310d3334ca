import { problemOf } from '../api/http-client';

/**
 * The api's per-field problems ({ path: '/password', message }) as react-admin form errors
 * ({ password: message }), so each shows under its input; undefined when there are none.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> | undefined {
  const problems = (problemOf(error)?.errors ?? []) as { path?: string; pointer?: string; message?: string; detail?: string }[];
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const field = (problem.path ?? problem.pointer ?? '').replace(/^\//, '').split('/')[0];
    const message = problem.message ?? problem.detail;
    if (field && message && !(field in errors)) errors[field] = message;
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}
