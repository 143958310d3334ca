import { describe, expect, it } from 'vitest';
import { auditCsvLine, csvField } from './audit-csv.js';

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    [' padded ', '" padded "'],
  ])('writes %j as %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx'])('keeps %j from being run as a formula', (value) => {
    expect(csvField(value).replace(/^"/, '').startsWith(`'`)).toBe(true);
  });

  it('guards a formula and still quotes what needs quoting', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('\rcmd')).toBe(`"'\rcmd"`);
  });
});

describe('auditCsvLine', () => {
  it('writes one CRLF-terminated line, the summary as JSON and a missing request id as empty', () => {
    const line = auditCsvLine({
      id: 7,
      at: '2026-11-27T08:00:00.000Z',
      actor: 'user:alice',
      action: 'customer.update',
      target: 'customer:C-1',
      summary: { tier: 'A', previousTier: null },
      requestId: null,
    });
    expect(line).toBe('7,2026-11-27T08:00:00.000Z,user:alice,customer.update,customer:C-1,,"{""tier"":""A"",""previousTier"":null}"\r\n');
  });
});
