import { describe, expect, it } from 'vitest';
import { attachmentName } from './download-csv';

describe('attachmentName', () => {
  it("takes the api's file name, or the fallback", () => {
    expect(attachmentName('attachment; filename="audit-events-2026-11-27T09-30-00-000Z.csv"', 'x.csv')).toBe(
      'audit-events-2026-11-27T09-30-00-000Z.csv',
    );
    expect(attachmentName('attachment; filename=tier-history.csv', 'x.csv')).toBe('tier-history.csv');
    expect(attachmentName(null, 'audit-events.csv')).toBe('audit-events.csv');
  });
});
