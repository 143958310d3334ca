import { describe, expect, it } from 'vitest';
import { customersExportUrl } from './customers-export';
import { customersMessages } from './messages';

describe('customersExportUrl', () => {
  it("sends the list's filters and its sort, whatever field it sorts by", () => {
    const url = new URL(customersExportUrl({ q: 'acme', tier: 'A', overridden: true }, { field: 'score', order: 'DESC' }), 'http://x');
    expect(url.pathname).toBe('/api/v1/customers/export.csv');
    expect(JSON.parse(url.searchParams.get('filter') ?? '')).toEqual({ q: 'acme', tier: 'A', overridden: true });
    expect(JSON.parse(url.searchParams.get('sort') ?? '')).toEqual(['score', 'DESC']);
    expect(url.searchParams.has('range')).toBe(false);
  });

  it('sends an empty filter as {}', () => {
    const url = new URL(customersExportUrl({}, { field: 'id', order: 'ASC' }), 'http://x');
    expect(url.searchParams.get('filter')).toBe('{}');
    expect(JSON.parse(url.searchParams.get('sort') ?? '')).toEqual(['id', 'ASC']);
  });
});

describe('the export texts', () => {
  it('are in English and Chinese, the failure with its reason in both', () => {
    const { en, zh } = { en: customersMessages.en.tierwise.customers.export, zh: customersMessages.zh.tierwise.customers.export };
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(en.failed).toContain('%{reason}');
    expect(zh.failed).toContain('%{reason}');
    expect(zh.button).toMatch(/\p{Script=Han}/u);
  });
});
