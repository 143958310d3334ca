import type { FieldError } from './field-error.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, with our `code` and, where it helps, every field error. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId?: string;
  errors?: FieldError[];
}

export function problemType(code: string): string {
  return `urn:tierwise:problem:${code}`;
}
