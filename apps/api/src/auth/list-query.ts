import { DomainException } from '../common/domain.exception.js';
import type { FieldError } from '../common/field-error.js';
import { isPlainObject, parseJsonParam } from '../common/request-shape.js';
import { ROLES, type Role } from './role.js';

// The ra-data-simple-rest dialect for the users and API-key lists, as the
// customers list speaks it: sort=["username","ASC"] range=[0,24] filter={"q":"al","role":"admin"}.
// Both lists are short (people and systems, not customers), so one page may hold them all.

export interface AuthListQuery<F extends string> {
  sort: { field: F; order: 'ASC' | 'DESC' };
  /** Inclusive, zero-based, as in Content-Range. */
  range: { start: number; end: number };
  filter: { q?: string; role?: Role[] };
}

export const MAX_AUTH_PAGE = 1000;
const DEFAULT_PAGE = 100;

export function parseAuthListQuery<F extends string>(
  query: Record<string, unknown>,
  what: string,
  sortFields: readonly F[],
  defaultSort: AuthListQuery<F>['sort'],
): AuthListQuery<F> {
  const errors: FieldError[] = [];
  const sort = parseSort(query['sort'], what, sortFields, defaultSort, errors);
  const range = parseRange(query['range'], what, errors);
  const filter = parseFilter(query['filter'], what, errors);
  if (errors.length > 0) throw DomainException.invalidRequest(errors);
  return { sort, range, filter };
}

function parseSort<F extends string>(
  raw: unknown,
  what: string,
  fields: readonly F[],
  fallback: AuthListQuery<F>['sort'],
  errors: FieldError[],
): AuthListQuery<F>['sort'] {
  const parsed = parseJsonParam(raw);
  if (!parsed.ok) return fail(errors, '/sort', `sort ${parsed.message}`, fallback);
  if (parsed.value === undefined) return fallback;
  if (!Array.isArray(parsed.value) || parsed.value.length !== 2) return fail(errors, '/sort', 'sort must be ["field","ASC"|"DESC"]', fallback);
  const [field, order] = parsed.value as unknown[];
  if (!(fields as readonly unknown[]).includes(field)) {
    return fail(errors, '/sort/0', `${what} cannot be sorted by '${String(field)}'; use one of ${fields.join(', ')}`, fallback);
  }
  const upper = typeof order === 'string' ? order.toUpperCase() : order;
  if (upper !== 'ASC' && upper !== 'DESC') return fail(errors, '/sort/1', 'sort order must be ASC or DESC', fallback);
  return { field: field as F, order: upper };
}

function parseRange(raw: unknown, what: string, errors: FieldError[]): { start: number; end: number } {
  const fallback = { start: 0, end: DEFAULT_PAGE - 1 };
  const parsed = parseJsonParam(raw);
  if (!parsed.ok) return fail(errors, '/range', `range ${parsed.message}`, fallback);
  if (parsed.value === undefined) return fallback;
  const value = parsed.value;
  const valid = Array.isArray(value) && value.length === 2 && value.every((n) => Number.isSafeInteger(n) && (n as number) >= 0);
  if (!valid) return fail(errors, '/range', 'range must be [start, end], two whole numbers from 0', fallback);
  const [start, end] = value as [number, number];
  if (end < start) return fail(errors, '/range', `range end ${end} is before its start ${start}`, fallback);
  if (end - start + 1 > MAX_AUTH_PAGE) return fail(errors, '/range', `a page holds at most ${MAX_AUTH_PAGE} ${what}`, fallback);
  return { start, end };
}

function parseFilter(raw: unknown, what: string, errors: FieldError[]): { q?: string; role?: Role[] } {
  const parsed = parseJsonParam(raw);
  if (!parsed.ok) return fail(errors, '/filter', `filter ${parsed.message}`, {});
  if (parsed.value === undefined) return {};
  if (!isPlainObject(parsed.value)) return fail(errors, '/filter', 'filter must be a JSON object', {});
  const filter: { q?: string; role?: Role[] } = {};
  for (const [key, value] of Object.entries(parsed.value)) {
    if (key === 'q') {
      if (typeof value === 'string') {
        if (value.trim() !== '') filter.q = value.trim();
      } else if (value !== null) errors.push({ path: '/filter/q', message: 'q must be text' });
    } else if (key === 'role') {
      const roles = Array.isArray(value) ? value : [value];
      if (roles.every((role) => (ROLES as readonly unknown[]).includes(role))) filter.role = roles as Role[];
      else errors.push({ path: '/filter/role', message: `role must be one of ${ROLES.join(', ')}, or a list of them` });
    } else {
      errors.push({ path: `/filter/${key}`, message: `${what} cannot be filtered by '${key}'; use q or role` });
    }
  }
  return filter;
}

function fail<T>(errors: FieldError[], path: string, message: string, fallback: T): T {
  errors.push({ path, message });
  return fallback;
}

/** `%text%` for ILIKE, with the pattern characters the user typed taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
