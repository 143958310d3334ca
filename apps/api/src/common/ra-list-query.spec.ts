import { describe, expect, it } from 'vitest';
import { DomainException } from './domain.exception.js';
import { integerList, parseListQuery, textList, timeBound } from './ra-list-query.js';

const spec = {
  what: 'things',
  sortFields: ['at', 'id'] as const,
  defaultSort: { field: 'at' as const, order: 'DESC' as const },
  filters: { who: textList, version: integerList, from: timeBound('from'), to: timeBound('to') },
  maxPage: 50,
  defaultPage: 10,
};

const SPEC_WITH_ID = { ...spec, filters: { ...spec.filters, id: integerList } };

function problems(query: Record<string, unknown>): string[] {
  try {
    parseListQuery(query, spec);
  } catch (error) {
    if (error instanceof DomainException) return error.errors.map((e) => `${e.path}: ${e.message}`);
    throw error;
  }
  return [];
}

describe('parseListQuery', () => {
  it('defaults to the first page in the default order, unfiltered', () => {
    expect(parseListQuery({}, spec)).toEqual({ sort: { field: 'at', order: 'DESC' }, range: { start: 0, end: 9 }, filter: {} });
  });

  it('reads sort, range and filter as react-admin sends them', () => {
    const query = parseListQuery({ sort: '["id","asc"]', range: '[10,19]', filter: '{"who":"a","version":["2",3],"from":""}' }, spec);
    expect(query).toEqual({ sort: { field: 'id', order: 'ASC' }, range: { start: 10, end: 19 }, filter: { who: ['a'], version: [2, 3] } });
  });

  it('answers every id of react-admin\'s getMany (filter={"id":[...]} and no range), not a default page', () => {
    const ids = Array.from({ length: 30 }, (_, n) => n + 1);
    const spec = { ...SPEC_WITH_ID, defaultPage: 10 };
    expect(parseListQuery({ filter: JSON.stringify({ id: ids }) }, spec).range).toEqual({ start: 0, end: 29 });
    // With a range, the range holds; with no ids, the default page.
    expect(parseListQuery({ filter: JSON.stringify({ id: ids }), range: '[0,4]' }, spec).range).toEqual({ start: 0, end: 4 });
    expect(parseListQuery({}, spec).range).toEqual({ start: 0, end: 9 });
  });

  it('reports every problem at once', () => {
    expect(problems({ sort: '["name","ASC"]', range: '[5,1]', filter: '{"who":3,"what":1}' })).toEqual([
      "/sort/0: things cannot be sorted by 'name'; use one of at, id",
      '/range: range end 1 is before its start 5',
      '/filter/who: who must be text or a list of text',
      "/filter/what: things cannot be filtered by 'what'; use who, version, from, to",
    ]);
    expect(problems({ range: '[0,50]' })).toEqual(['/range: a page holds at most 50 things']);
    expect(problems({ filter: 'not json' })[0]).toMatch(/^\/filter: filter is not valid JSON/);
  });
});

describe('timeBound', () => {
  it('reads a date-only "to" as the end of that UTC day, exclusive', () => {
    expect(timeBound('to')('2026-11-27')).toEqual({ ok: true, value: { at: new Date('2026-11-28T00:00:00Z'), inclusive: false } });
    expect(timeBound('from')('2026-11-27')).toEqual({ ok: true, value: { at: new Date('2026-11-27T00:00:00Z'), inclusive: true } });
  });

  it('keeps a date-time with its offset', () => {
    expect(timeBound('to')('2026-11-27T10:00:00+02:00')).toEqual({
      ok: true,
      value: { at: new Date('2026-11-27T08:00:00Z'), inclusive: true },
    });
  });

  it.each(['2026-02-30', '27/11/2026', '2026-11-27T10:00:00', 'yesterday', 20261127])('refuses %j', (value) => {
    expect(timeBound('from')(value).ok).toBe(false);
  });
});
