import { stringify } from 'csv-stringify/sync';
import type { AuditEventDto } from './dto/audit-event.dto.js';

// RFC 4180 text is written by csv-stringify (the CSV project's writer, the
// counterpart of the csv-parse the import already uses): quoting and escaping
// are its job, not a regular expression of ours. The export streams page by
// page (audit.service.ts); each page's lines are stringified as they come.

export const AUDIT_CSV_COLUMNS = ['id', 'at', 'actor', 'action', 'target', 'requestId', 'summary'] as const;

// Spreadsheets run a cell that starts with one of these as a formula; actors and
// targets come from clients, so such a cell is written with a leading apostrophe
// (OWASP's advice for CSV exports) rather than handed to Excel as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

const OPTIONS = {
  record_delimiter: 'windows',
  // Besides the delimiter, quote and line breaks (always quoted): a cell with
  // leading or trailing spaces, which some readers would otherwise trim.
  quoted_match: /^\s|\s$/,
  // A line break inside a cell is quoted like any other; csv-stringify skips
  // that when record_delimiter is set, unless told.
  quote_record_delimiter: true,
  cast: { string: (value: string) => (FORMULA_START.test(value) ? `'${value}` : value) },
} as const;

/** One RFC 4180 field: quoted when it holds a comma, quote or line break, quotes doubled. */
export function csvField(value: string): string {
  return csvLine([value]).slice(0, -2);
}

export function csvLine(fields: readonly string[]): string {
  // A lone empty field would be written as an empty record; any other record as itself.
  return stringify([fields.slice()], OPTIONS);
}

export function auditCsvLine(event: AuditEventDto): string {
  return csvLine([
    String(event.id),
    event.at,
    event.actor,
    event.action,
    event.target,
    event.requestId ?? '',
    JSON.stringify(event.summary),
  ]);
}
