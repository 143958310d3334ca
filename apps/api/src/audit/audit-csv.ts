import type { AuditEventDto } from './dto/audit-event.dto.js';

export const AUDIT_CSV_COLUMNS = ['id', 'at', 'actor', 'action', 'target', 'requestId', 'summary'] as const;

// Spreadsheets run a cell that starts with one of these as a formula; actors and
// targets come from clients, so such a cell is written with a leading apostrophe
// (OWASP's advice for CSV exports) rather than handed to Excel as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: quoted when it holds a comma, quote or line break, quotes doubled. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
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
