import { DomainException } from './domain.exception.js';
import type { FieldError } from './field-error.js';
import { isPlainObject, parseJsonParam } from './request-shape.js';
import { findUnstorableJson } from './storable-json.js';

// The ra-data-simple-rest dialect shared by every list: sort=["at","DESC"]
// range=[0,24] filter={"actor":"user:alice","from":"2026-01-01"}.
// Each list names its sort fields and how each filter key is read; this file
// reads the envelope and collects every problem before answering 400.

export interface ListSort<F extends string> {
  field: F;
  order: 'ASC' | 'DESC';
}

export interface ListQuery<F extends string, Filter> {
  sort: ListSort<F>;
  /** Inclusive, zero-based, as in Content-Range. */
  range: { start: number; end: number };
  filter: Filter;
}

/** Reads one filter value; returns an error message instead when it does not fit. */
export type FilterReader<T> = (value: unknown) => { ok: true; value: T } | { ok: false; message: string };

export type FilterReaders<Filter> = { [K in keyof Filter]-?: FilterReader<NonNullable<Filter[K]>> };

export interface ListSpec<F extends string, Filter> {
  /** Plural noun for messages: "audit events". */
  what: string;
  sortFields: readonly F[];
  defaultSort: ListSort<F>;
  filters: FilterReaders<Filter>;
  maxPage: number;
  defaultPage: number;
}

export function parseListQuery<F extends string, Filter extends object>(
  query: Record<string, unknown>,
  spec: ListSpec<F, Filter>,
): ListQuery<F, Filter> {
  const errors: FieldError[] = [];
  const sort = parseSort(query['sort'], spec, errors);
  const range = parseRange(query['range'], spec, errors);
  const filter = parseFilter(query['filter'], spec, errors);
  if (errors.length > 0) throw DomainException.invalidRequest(errors);
  // react-admin's getMany sends only filter={"id":[...]}, no range: answer every id asked for, not a first page.
  const ids = (filter as { id?: unknown }).id;
  if (query['range'] === undefined && Array.isArray(ids) && ids.length > 0)
    return { sort, range: { start: 0, end: ids.length - 1 }, filter };
  return { sort, range, filter };
}

function parseSort<F extends string, Filter>(raw: unknown, spec: ListSpec<F, Filter>, errors: FieldError[]): ListSort<F> {
  const fallback = spec.defaultSort;
  const parsed = parseJsonParam(raw);
  if (!parsed.ok) return fail(errors, '/sort', `sort ${parsed.message}`, fallback);
  if (parsed.value === undefined) return fallback;
  if (!Array.isArray(parsed.value) || parsed.value.length !== 2)
    return fail(errors, '/sort', 'sort must be ["field","ASC"|"DESC"]', fallback);
  const [field, order] = parsed.value as unknown[];
  if (!(spec.sortFields as readonly unknown[]).includes(field)) {
    return fail(
      errors,
      '/sort/0',
      `${spec.what} cannot be sorted by '${String(field)}'; use one of ${spec.sortFields.join(', ')}`,
      fallback,
    );
  }
  const upper = typeof order === 'string' ? order.toUpperCase() : order;
  if (upper !== 'ASC' && upper !== 'DESC') return fail(errors, '/sort/1', 'sort order must be ASC or DESC', fallback);
  return { field: field as F, order: upper };
}

function parseRange<F extends string, Filter>(
  raw: unknown,
  spec: ListSpec<F, Filter>,
  errors: FieldError[],
): { start: number; end: number } {
  const fallback = { start: 0, end: spec.defaultPage - 1 };
  const parsed = parseJsonParam(raw);
  if (!parsed.ok) return fail(errors, '/range', `range ${parsed.message}`, fallback);
  if (parsed.value === undefined) return fallback;
  const value = parsed.value;
  const valid = Array.isArray(value) && value.length === 2 && value.every((n) => Number.isSafeInteger(n) && (n as number) >= 0);
  if (!valid) return fail(errors, '/range', 'range must be [start, end], two whole numbers from 0', fallback);
  const [start, end] = value as [number, number];
  if (end < start) return fail(errors, '/range', `range end ${end} is before its start ${start}`, fallback);
  if (end - start + 1 > spec.maxPage) return fail(errors, '/range', `a page holds at most ${spec.maxPage} ${spec.what}`, fallback);
  return { start, end };
}

function parseFilter<F extends string, Filter extends object>(raw: unknown, spec: ListSpec<F, Filter>, errors: FieldError[]): Filter {
  const filter = {} as Filter;
  const parsed = parseJsonParam(raw);
  if (!parsed.ok) return fail(errors, '/filter', `filter ${parsed.message}`, filter);
  if (parsed.value === undefined) return filter;
  if (!isPlainObject(parsed.value)) return fail(errors, '/filter', 'filter must be a JSON object', filter);
  // Filter values reach SQL parameters, where PostgreSQL refuses a NUL character outright (a 500 otherwise).
  const unstorable = findUnstorableJson(parsed.value, '/filter');
  if (unstorable) return fail(errors, unstorable.path, unstorable.message, filter);
  const known = Object.keys(spec.filters);
  for (const [key, value] of Object.entries(parsed.value)) {
    const reader = Object.hasOwn(spec.filters, key) ? (spec.filters as Record<string, FilterReader<unknown>>)[key] : undefined;
    if (!reader) {
      errors.push({ path: `/filter/${key}`, message: `${spec.what} cannot be filtered by '${key}'; use ${known.join(', ')}` });
      continue;
    }
    // react-admin sends a cleared filter input as "" or null: no filter, not an error.
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    const read = reader(value);
    if (read.ok) (filter as Record<string, unknown>)[key] = read.value;
    else errors.push({ path: `/filter/${key}`, message: `${key} ${read.message}` });
  }
  return filter;
}

function fail<T>(errors: FieldError[], path: string, message: string, fallback: T): T {
  errors.push({ path, message });
  return fallback;
}

// Readers for the filter shapes the lists share.

const MAX_LIST_VALUES = 100;

/** One text value or a list of them (react-admin sends a list for multi-selects). */
export function textList(value: unknown): { ok: true; value: string[] } | { ok: false; message: string } {
  const list = Array.isArray(value) ? value : [value];
  if (list.length > MAX_LIST_VALUES) return { ok: false, message: `takes at most ${MAX_LIST_VALUES} values` };
  if (!list.every((item) => typeof item === 'string' && item !== '' && item.length <= 300)) {
    return { ok: false, message: 'must be text or a list of text' };
  }
  return { ok: true, value: list as string[] };
}

export function integerList(value: unknown): { ok: true; value: number[] } | { ok: false; message: string } {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  if (list.length > MAX_LIST_VALUES) return { ok: false, message: `takes at most ${MAX_LIST_VALUES} values` };
  // Query values typed into a form arrive as text: accept "3" as well as 3.
  const numbers = list.map((item) => (typeof item === 'string' && /^\d{1,9}$/.test(item) ? Number(item) : item));
  if (!numbers.every((item) => Number.isSafeInteger(item) && (item as number) > 0)) {
    return { ok: false, message: 'must be a whole number from 1, or a list of them' };
  }
  return { ok: true, value: numbers as number[] };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;
const DAY_MS = 86_400_000;

/** A bound on a timestamp column; a date-only `to` becomes "before the next day". */
export interface TimeBound {
  at: Date;
  /** false: strictly before `at`. */
  inclusive: boolean;
}

/**
 * A time bound: an ISO 8601 date-time with its offset, or a date (a whole UTC
 * day). `to` includes the whole day it names, so from=to=2026-11-27 is that day.
 */
export function timeBound(edge: 'from' | 'to'): FilterReader<TimeBound> {
  return (value) => {
    if (typeof value !== 'string' || !(DATE_ONLY.test(value) || DATE_TIME.test(value))) {
      return { ok: false, message: 'must be a date (2026-11-27) or a date-time with its offset (2026-11-27T09:30:00Z)' };
    }
    const dateOnly = DATE_ONLY.test(value);
    const ms = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
    // Date.parse rolls 2026-02-30 over to March; a calendar date must round-trip.
    if (Number.isNaN(ms) || (dateOnly && new Date(ms).toISOString().slice(0, 10) !== value)) {
      return { ok: false, message: `is not a real date: ${value}` };
    }
    if (edge === 'to' && dateOnly) return { ok: true, value: { at: new Date(ms + DAY_MS), inclusive: false } };
    return { ok: true, value: { at: new Date(ms), inclusive: true } };
  };
}

/** SQL conditions for from/to on `column`, with their parameters appended to `params`. */
export function timeConditions(column: string, from: TimeBound | undefined, to: TimeBound | undefined, params: unknown[]): string[] {
  const conditions: string[] = [];
  if (from) {
    params.push(from.at);
    conditions.push(`${column} >= $${params.length}`);
  }
  if (to) {
    params.push(to.at);
    conditions.push(`${column} ${to.inclusive ? '<=' : '<'} $${params.length}`);
  }
  return conditions;
}
