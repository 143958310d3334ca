import { stringify } from 'csv-stringify/sync';

// The conventions of every CSV export (the audit log, tier history). RFC 4180 text is written by
// csv-stringify (the CSV project's writer, the counterpart of the csv-parse the import already uses):
// quoting and escaping are its job, not a regular expression of ours.

// Spreadsheets run a cell that starts with one of these as a formula; exported text comes from
// clients, so such a cell is written with a leading apostrophe (OWASP's advice for CSV exports)
// rather than handed to Excel as a formula. Numbers stay numbers: a negative score is not a formula.
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

export type CsvCell = string | number | null;

/** CSV records, one CRLF-ended line each, in one string (one write to the socket per page). */
export function csvRecords(records: readonly (readonly CsvCell[])[]): string {
  // A lone empty field would be written as an empty record; any other record as itself.
  return records.length === 0
    ? ''
    : stringify(
        records.map((record) => record.slice()),
        OPTIONS,
      );
}
