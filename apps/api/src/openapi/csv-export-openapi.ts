import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, type HeaderObject } from '@nestjs/swagger';

export interface CsvExportDescription {
  /** What one row is: "tier history entry". */
  row: string;
  /** The file name's stem: `tier-history` for tier-history-2026-11-30T08-00-00-000Z.csv. */
  filename: string;
  /** The columns of the header row, in order. */
  columns: readonly string[];
  sortFields: readonly string[];
  /** The sort used when none is sent, as ra-data-simple-rest writes one. */
  defaultSort: string;
  filterExample: Record<string, unknown>;
  filterDescription: string;
}

function contentDisposition(filename: string): HeaderObject {
  return {
    description: 'An attachment with a timestamped file name, so a browser saves it rather than showing it.',
    required: true,
    schema: { type: 'string', example: `attachment; filename="${filename}-2026-11-30T08-00-00-000Z.csv"` },
  };
}

/**
 * An export that streams every row a list's `sort` and `filter` select as CSV
 * (RFC 4180, CRLF, header row first); no `range`, as the file is the whole selection.
 */
export function ApiCsvExport(csv: CsvExportDescription): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'sort',
      required: false,
      description: `["field","ASC"|"DESC"] as JSON, as the list takes it; field is one of ${csv.sortFields.join(', ')}. Default ${csv.defaultSort}.`,
      schema: { type: 'string', example: csv.defaultSort },
    }),
    ApiQuery({
      name: 'filter',
      required: false,
      description: `An object as JSON, as the list takes it. ${csv.filterDescription}`,
      schema: { type: 'string', example: JSON.stringify(csv.filterExample) },
    }),
    ApiOkResponse({
      description:
        `Every ${csv.row} the filter selects, one a row, in the sort's order; ` +
        `columns ${csv.columns.join(', ')}. Cells a spreadsheet would run as formulas start with an apostrophe.`,
      content: { 'text/csv': { schema: { type: 'string', example: `${csv.columns.join(',')}\r\n` } } },
      headers: { 'Content-Disposition': contentDisposition(csv.filename) },
    }),
  );
}
