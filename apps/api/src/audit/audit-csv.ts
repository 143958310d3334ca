import { csvRecords } from '../common/csv-export.js';
import type { AuditEventDto } from './dto/audit-event.dto.js';

// The audit export's lines, in the conventions of every CSV export (common/csv-export.ts). The export
// streams page by page (audit.service.ts); each page's lines are stringified as they come.

export const AUDIT_CSV_COLUMNS = ['id', 'at', 'actor', 'action', 'target', 'requestId', 'summary'] as const;

/** One RFC 4180 field: quoted when it holds a comma, quote or line break, quotes doubled. */
export function csvField(value: string): string {
  return csvLine([value]).slice(0, -2);
}

export function csvLine(fields: readonly string[]): string {
  return csvRecords([fields]);
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
