import { stringify } from 'csv-stringify/sync';
import type { TierHistoryDto } from './dto/tier-history.dto.js';

// The export's CSV, written by csv-stringify with the audit export's conventions
// (audit/audit-csv.ts): CRLF records, quoting and escaping left to the library,
// and cells a spreadsheet would run as formulas defused. Numbers are written as
// numbers: a negative score is not a formula.

export const TIER_HISTORY_CSV_COLUMNS = [
  'id',
  'at',
  'customerId',
  'previousTier',
  'newTier',
  'score',
  'cause',
  'policyId',
  'policyVersion',
  'policyHash',
  'actor',
  'facts',
] as const;

// Customer ids, actors and fact values come from clients; a text cell that starts like a
// formula is written with a leading apostrophe (OWASP's advice for CSV exports).
const FORMULA_START = /^[=+\-@\t\r]/;

const OPTIONS = {
  record_delimiter: 'windows',
  // Besides the delimiter, quote and line breaks (always quoted): leading or trailing spaces, which some readers trim.
  quoted_match: /^\s|\s$/,
  // csv-stringify leaves a line break inside a cell unquoted when record_delimiter is set, unless told.
  quote_record_delimiter: true,
  cast: { string: (value: string) => (FORMULA_START.test(value) ? `'${value}` : value) },
} as const;

type Cell = string | number | null;

function record(entry: TierHistoryDto): Cell[] {
  return [
    entry.id,
    entry.at,
    entry.customerId,
    entry.previousTier,
    entry.newTier,
    entry.score,
    entry.cause,
    entry.policy.id,
    entry.policy.version,
    entry.policy.hash,
    entry.actor,
    JSON.stringify(entry.facts),
  ];
}

export function tierHistoryCsvHeader(): string {
  return stringify([[...TIER_HISTORY_CSV_COLUMNS]], OPTIONS);
}

/** The CSV records of `entries`, one line each, in one string (one write to the socket per page). */
export function tierHistoryCsvLines(entries: readonly TierHistoryDto[]): string {
  return entries.length === 0 ? '' : stringify(entries.map(record), OPTIONS);
}
