import { validateRecord, type FactCatalogue } from '@tierwise/policy';
import { checkImportRow } from './check-import-row.js';
import { csvImportRows } from './csv-import-rows.js';
import { ImportErrors, importTooLarge } from './import-errors.js';
import type { ImportFormat } from './import-format.js';
import { IMPORT_BODY_LIMIT_BYTES, MAX_IMPORT_ROWS } from './import-limits.js';
import { UnreadableImport, type ImportRow } from './import-row.js';
import { jsonlImportRows } from './jsonl-import-rows.js';
import { readLimited } from './read-limited.js';

/**
 * Reads and checks every row as the body streams in. Returns the rows only if
 * all of them pass; otherwise throws ImportRejected listing each problem with
 * its line. Rows stop being kept once one fails (they will not be written), but
 * reading goes on to the end so the report covers the whole file.
 */
export async function readImport(
  body: AsyncIterable<Buffer | string>,
  format: ImportFormat,
  catalogue: FactCatalogue,
): Promise<ImportRow[]> {
  const chunks = readLimited(body, IMPORT_BODY_LIMIT_BYTES);
  const items = format === 'csv' ? csvImportRows(chunks, catalogue) : jsonlImportRows(chunks);
  const errors = new ImportErrors();
  const firstLineOf = new Map<string, number>();
  const rows: ImportRow[] = [];
  let rowsRead = 0;
  try {
    for await (const item of items) {
      if (item.kind === 'file-problem') {
        errors.add(item.problem.line, null, [item.problem]);
        continue;
      }
      rowsRead += 1;
      if (rowsRead > MAX_IMPORT_ROWS) throw importTooLarge('rows');
      const check = checkImportRow(item.row, catalogue, firstLineOf);
      errors.add(item.row.line, check.customerId, check.problems);
      if (check.row && errors.count === 0) rows.push(check.row);
    }
  } catch (error) {
    if (!(error instanceof UnreadableImport)) throw error;
    errors.add(error.line, null, [{ path: '', message: error.message }]);
  }
  if (rowsRead === 0 && errors.count === 0) {
    errors.add(1, null, [
      { path: '', message: format === 'csv' ? 'the file has no customer rows under its header' : 'the file holds no customers' },
    ]);
  }
  if (errors.count > 0) throw errors.toException(rowsRead);
  return rows;
}

/**
 * Checks rows that passed under one policy version against the facts of
 * another (a publication committed while the file was read); throws
 * ImportRejected, naming the change, if any no longer fit. `rows` in file order.
 */
export function recheckImport(rows: readonly ImportRow[], catalogue: FactCatalogue, version: number): void {
  const errors = new ImportErrors();
  for (const row of rows) {
    const check = validateRecord(row.facts, catalogue);
    if (!check.ok)
      errors.add(
        row.line,
        row.id,
        check.errors.map((error) => ({ path: `/facts${error.path}`, message: error.message })),
      );
  }
  if (errors.count > 0)
    throw errors.toException(rows.length, `policy version ${version} was published while the file was read, and under it `);
}
