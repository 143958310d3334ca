import { describe, expect, it } from 'vitest';
import { DomainException } from '../common/domain.exception.js';
import { parseCustomerListQuery } from './customer-list-query.js';

const query = (params: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(params).map(([key, value]) => [key, JSON.stringify(value)]));

function problems(params: Record<string, unknown>): string[] {
  try {
    parseCustomerListQuery(query(params));
  } catch (error) {
    if (error instanceof DomainException) return error.errors.map((e) => `${e.path}: ${e.message}`);
    throw error;
  }
  return [];
}

describe('the customers list query', () => {
  it('reads filters, sort and range, defaulting to the first 25 by name', () => {
    expect(parseCustomerListQuery({})).toEqual({ sort: { field: 'name', order: 'ASC' }, range: { start: 0, end: 24 }, filter: {} });
    expect(parseCustomerListQuery(query({ filter: { tier: 'A', q: ' acme ', overridden: true }, sort: ['score', 'desc'] }))).toEqual({
      sort: { field: 'score', order: 'DESC' },
      range: { start: 0, end: 24 },
      filter: { tier: ['A'], q: 'acme', overridden: true },
    });
  });

  it("answers react-admin's getMany (ids, no range) with all the ids asked for", () => {
    const ids = Array.from({ length: 40 }, (_, i) => `C-${i}`);
    expect(parseCustomerListQuery(query({ filter: { id: ids } })).range).toEqual({ start: 0, end: 39 });
    expect(parseCustomerListQuery(query({ filter: { id: ids }, range: [0, 9] })).range).toEqual({ start: 0, end: 9 });
  });

  it('lists every problem at once', () => {
    expect(problems({ filter: { id: ['C-1', 'bad id'], overridden: 'yes', colour: 'red' }, range: [0, 600] })).toEqual([
      '/range: a page holds at most 500 customers',
      '/filter/id: id must be a customer id or a list of them',
      '/filter/overridden: overridden must be true or false',
      "/filter/colour: customers cannot be filtered by 'colour'; use q, tier, id, overridden",
    ]);
  });
});
