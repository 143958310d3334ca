import { describe, expect, it } from 'vitest';
import { tierHistoryExportUrl } from './tier-history-export';

describe('tierHistoryExportUrl', () => {
  it("sends the list's filters and its sort, whatever field it sorts by", () => {
    const url = new URL(
      tierHistoryExportUrl({ customerId: 'C-1', cause: ['fact-change'], from: '2026-11-01' }, { field: 'score', order: 'ASC' }),
      'http://x',
    );
    expect(url.pathname).toBe('/api/v1/tier-history/export.csv');
    expect(JSON.parse(url.searchParams.get('filter') ?? '')).toEqual({ customerId: 'C-1', cause: ['fact-change'], from: '2026-11-01' });
    expect(JSON.parse(url.searchParams.get('sort') ?? '')).toEqual(['score', 'ASC']);
    expect(url.searchParams.has('range')).toBe(false);
  });

  it('sends an empty filter as {}', () => {
    const url = new URL(tierHistoryExportUrl({}, { field: 'at', order: 'DESC' }), 'http://x');
    expect(url.searchParams.get('filter')).toBe('{}');
    expect(JSON.parse(url.searchParams.get('sort') ?? '')).toEqual(['at', 'DESC']);
  });
});
