import { csvRecords, type CsvCell } from '../common/csv-export.js';
import type { ExportedCustomer } from './customers-export.repository.js';

// The export's CSV, in the conventions of every CSV export (common/csv-export.ts).

export const CUSTOMERS_CSV_COLUMNS = [
  'id',
  'name',
  'tier',
  'score',
  'treatments',
  'policyId',
  'policyVersion',
  'policyHash',
  'gradedAt',
  'tierOverride',
  'tierOverrideReason',
] as const;

// Treatments as `type: param=value, param=value; type: ...` (accountManager: dedicated=true; queue:
// priority=1, greenChannel=true), not JSON: the person who opens the file in Excel reads one line of
// plain words per customer, filters the column with "contains fee:", and sees no braces or doubled
// quotes (a JSON cell is written "{""queue"":{""priority"":1}}" in the file and shown with all its
// quotes). Text that would read as something else (holding a separator, or looking like a number,
// true or nothing) is written as a JSON string ("40", "a; b"), and a nested object or list as JSON,
// so the cell still reads back one way.
// A value runs to the next comma or semicolon, so it may hold a colon (09:30, a web address); a name may not.
const VALUE_SEPARATORS = /[,;"\r\n]|^\s|\s$/;
const NAME_SEPARATORS = /[,;:="\r\n]|^\s|\s$/;
const NOT_TEXT = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)$/;

function nameOf(name: string): string {
  return name === '' || NAME_SEPARATORS.test(name) ? JSON.stringify(name) : name;
}

function valueOf(value: unknown): string {
  if (typeof value === 'string') {
    return value === '' || VALUE_SEPARATORS.test(value) || NOT_TEXT.test(value) ? JSON.stringify(value) : value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? 'null';
}

/** The decision's treatments in one readable cell, in the decision's order; empty when it has none. */
export function treatmentsText(treatments: Readonly<Record<string, Readonly<Record<string, unknown>>>> | null): string {
  if (treatments === null) return '';
  return Object.entries(treatments)
    .map(([type, params]) => {
      const written = Object.entries(params).map(([name, value]) => `${nameOf(name)}=${valueOf(value)}`);
      return written.length === 0 ? nameOf(type) : `${nameOf(type)}: ${written.join(', ')}`;
    })
    .join('; ');
}

function record(customer: ExportedCustomer): CsvCell[] {
  return [
    customer.id,
    customer.name,
    customer.tier,
    customer.score,
    treatmentsText(customer.treatments),
    customer.policyId,
    customer.policyVersion,
    customer.policyHash,
    customer.gradedAt?.toISOString() ?? null,
    customer.tierOverride?.tier ?? null,
    customer.tierOverride?.reason ?? null,
  ];
}

export function customersCsvHeader(): string {
  return csvRecords([CUSTOMERS_CSV_COLUMNS]);
}

/** The CSV records of `customers`, one line each, in one string (one write to the socket per page). */
export function customersCsvLines(customers: readonly ExportedCustomer[]): string {
  return csvRecords(customers.map(record));
}
