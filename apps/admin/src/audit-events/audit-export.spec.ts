import { describe, expect, it } from 'vitest';
import { auditExportUrl } from './audit-export';

describe('auditExportUrl', () => {
  it("sends the list's filters and its sort by time or id", () => {
    const url = new URL(auditExportUrl({ action: ['customer.update'], from: '2026-11-01' }, { field: 'id', order: 'ASC' }), 'http://x');
    expect(url.pathname).toBe('/api/v1/audit-events/export.csv');
    expect(JSON.parse(url.searchParams.get('filter') ?? '')).toEqual({ action: ['customer.update'], from: '2026-11-01' });
    expect(JSON.parse(url.searchParams.get('sort') ?? '')).toEqual(['id', 'ASC']);
  });

  it('exports newest first when the list is sorted by a field the export cannot sort by', () => {
    const url = new URL(auditExportUrl({}, { field: 'actor', order: 'ASC' }), 'http://x');
    expect(JSON.parse(url.searchParams.get('sort') ?? '')).toEqual(['at', 'DESC']);
    expect(url.searchParams.get('filter')).toBe('{}');
  });
});
