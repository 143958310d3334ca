import { DomainException } from '../common/domain.exception.js';
import type { FieldError } from '../common/field-error.js';
import { isPlainObject, parseJsonParam } from '../common/request-shape.js';
import { isCustomerId } from './customer-id.js';

// The ra-data-simple-rest dialect, so a stock react-admin data provider works:
//   sort=["name","ASC"]  range=[0,24]  filter={"tier":"A","q":"text","id":["C1","C2"],"overridden":true}

export const CUSTOMER_SORT_FIELDS = ['id', 'name', 'tier', 'score', 'version', 'createdAt', 'updatedAt', 'gradedAt'] as const;
export type CustomerSortField = (typeof CUSTOMER_SORT_FIELDS)[number];

export interface CustomerListQuery {
  sort: { field: CustomerSortField; order: 'ASC' | 'DESC' };
  /** Inclusive, zero-based, as in Content-Range. */
  range: { start: number; end: number };
  /** overridden: only customers with (true) or without (false) a tier set by hand. */
  filter: { q?: string; tier?: string[]; id?: string[]; overridden?: boolean };
}

export const MAX_PAGE = 500;
const DEFAULT_PAGE = 25;

export function parseCustomerListQuery(query: Record<string, unknown>): CustomerListQuery {
  const errors: FieldError[] = [];
  const filter = parseFilter(query['filter'], errors);
  const sort = parseSort(query['sort'], errors);
  // react-admin's getMany sends only filter={"id":[...]}: answer all of them, not a first page.
  const defaultEnd = (filter.id?.length ?? DEFAULT_PAGE) - 1;
  const range = parseRange(query['range'], Math.max(defaultEnd, 0), errors);
  if (errors.length > 0) throw DomainException.invalidRequest(errors);
  return { sort, range, filter };
}

function parseSort(raw: unknown, errors: FieldError[]): CustomerListQuery['sort'] {
  const fallback: CustomerListQuery['sort'] = { field: 'name', order: 'ASC' };
  const parsed = parseJsonParam(raw);
  if (!parsed.ok) return fail(errors, '/sort', `sort ${parsed.message}`, fallback);
  if (parsed.value === undefined) return fallback;
  const value = parsed.value;
  if (!Array.isArray(value) || value.length !== 2) return fail(errors, '/sort', 'sort must be ["field","ASC"|"DESC"]', fallback);
  const [field, order] = value as unknown[];
  if (!(CUSTOMER_SORT_FIELDS as readonly unknown[]).includes(field)) {
    return fail(errors, '/sort/0', `customers cannot be sorted by '${String(field)}'; use one of ${CUSTOMER_SORT_FIELDS.join(', ')}`, fallback);
  }
  const upper = typeof order === 'string' ? order.toUpperCase() : order;
  if (upper !== 'ASC' && upper !== 'DESC') return fail(errors, '/sort/1', 'sort order must be ASC or DESC', fallback);
  return { field: field as CustomerSortField, order: upper };
}

function parseRange(raw: unknown, defaultEnd: number, errors: FieldError[]): CustomerListQuery['range'] {
  const fallback = { start: 0, end: defaultEnd };
  const parsed = parseJsonParam(raw);
  if (!parsed.ok) return fail(errors, '/range', `range ${parsed.message}`, fallback);
  if (parsed.value === undefined) return fallback;
  const value = parsed.value;
  const valid =
    Array.isArray(value) && value.length === 2 && value.every((n) => Number.isSafeInteger(n) && (n as number) >= 0);
  if (!valid) return fail(errors, '/range', 'range must be [start, end], two whole numbers from 0', fallback);
  const [start, end] = value as [number, number];
  if (end < start) return fail(errors, '/range', `range end ${end} is before its start ${start}`, fallback);
  if (end - start + 1 > MAX_PAGE) return fail(errors, '/range', `a page holds at most ${MAX_PAGE} customers`, fallback);
  return { start, end };
}

function parseFilter(raw: unknown, errors: FieldError[]): CustomerListQuery['filter'] {
  const parsed = parseJsonParam(raw);
  if (!parsed.ok) return fail(errors, '/filter', `filter ${parsed.message}`, {});
  if (parsed.value === undefined) return {};
  if (!isPlainObject(parsed.value)) return fail(errors, '/filter', 'filter must be a JSON object', {});
  const filter: CustomerListQuery['filter'] = {};
  for (const [key, value] of Object.entries(parsed.value)) {
    if (key === 'q') {
      if (typeof value === 'string' && value.trim() !== '') filter.q = value.trim();
      else if (value !== '' && value !== null) errors.push({ path: '/filter/q', message: 'q must be text' });
    } else if (key === 'tier') {
      const tiers = textList(value);
      if (tiers) filter.tier = tiers;
      else errors.push({ path: '/filter/tier', message: 'tier must be a tier id or a list of them' });
    } else if (key === 'id') {
      const ids = textList(value);
      if (!ids || !ids.every(isCustomerId)) errors.push({ path: '/filter/id', message: 'id must be a customer id or a list of them' });
      else if (ids.length > MAX_PAGE) errors.push({ path: '/filter/id', message: `at most ${MAX_PAGE} ids at once` });
      else filter.id = ids;
    } else if (key === 'overridden') {
      if (typeof value === 'boolean') filter.overridden = value;
      else errors.push({ path: '/filter/overridden', message: 'overridden must be true or false' });
    } else {
      errors.push({ path: `/filter/${key}`, message: `customers cannot be filtered by '${key}'; use q, tier, id or overridden` });
    }
  }
  return filter;
}

function textList(value: unknown): string[] | undefined {
  const list = Array.isArray(value) ? value : [value];
  return list.every((item) => typeof item === 'string' && item !== '') ? (list as string[]) : undefined;
}

function fail<T>(errors: FieldError[], path: string, message: string, fallback: T): T {
  errors.push({ path, message });
  return fallback;
}
