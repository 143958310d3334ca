import { pipeline, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { coerceCell, type CatalogueFact, type FactCatalogue } from '@tierwise/policy';
import { DomainException } from '../../common/domain.exception.js';
import { MAX_ROW_BYTES } from './import-limits.js';
import { factPointer, UnreadableImport, type FileProblem, type ImportItem, type RawImportRow } from './import-row.js';

type Column =
  | { kind: 'id' }
  | { kind: 'name' }
  | { kind: 'phone' }
  | { kind: 'fact'; name: string; fact: CatalogueFact }
  /** A column reported once at the header; its cells are not read. */
  | { kind: 'ignored' };

const ID_COLUMNS: ReadonlySet<string> = new Set(['id', 'customerId']);

/**
 * A header row naming the columns (id or customerId, name if given, then facts
 * by their policy names: the CLI's CSV is one), then one customer per row. Cells become facts by the
 * catalogue's types, exactly as the CLI reads them; empty cells are absent
 * facts. Rows are numbered by the physical line they start on (a quoted cell may span lines).
 */
export async function* csvImportRows(chunks: AsyncIterable<Buffer>, catalogue: FactCatalogue): AsyncGenerator<ImportItem> {
  const parser = parse({
    bom: true,
    // Rows of the wrong width are reported per row below, not fatal.
    relax_column_count: true,
    record_delimiter: ['\r\n', '\n'],
    max_record_size: MAX_ROW_BYTES,
  });
  // pipeline, unlike pipe, hands a failing body (too large, client gone) on to the parser and so to the loop below.
  pipeline(Readable.from(chunks), parser, () => {});

  let header: Column[] | undefined;
  let linesRead = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      // Empty lines come through as rows of one empty cell; counting the line
      // breaks inside quoted cells keeps the physical line number.
      const line = linesRead + 1;
      linesRead += 1 + cells.reduce((breaks, cell) => breaks + lineBreaks(cell), 0);
      if (cells.length === 1 && cells[0]!.trim() === '') continue;
      if (!header) {
        const read = readHeader(cells, catalogue, line);
        header = read.columns;
        for (const problem of read.problems) yield { kind: 'file-problem', problem };
        continue;
      }
      yield { kind: 'row', row: toRow(header, cells, line) };
    }
  } catch (error) {
    if (error instanceof DomainException) throw error;
    throw new UnreadableImport(linesRead + 1, `the CSV cannot be read from line ${linesRead + 1}: ${(error as Error).message}`);
  }
}

function readHeader(cells: string[], catalogue: FactCatalogue, line: number): { columns: Column[]; problems: FileProblem[] } {
  const problems: FileProblem[] = [];
  const seen = new Set<string>();
  const columns = cells.map((cell, index): Column => {
    const name = cell.trim();
    const path = `/columns/${index}`;
    if (name === '') return ignore(problems, { line, path, message: `column ${index + 1} of the header has no name` });
    if (seen.has(name)) return ignore(problems, { line, path, message: `column '${name}' appears twice in the header` });
    seen.add(name);
    if (ID_COLUMNS.has(name)) {
      if (seen.has('id') && seen.has('customerId'))
        return ignore(problems, { line, path, message: 'give the customer id in one column, id or customerId, not both' });
      return { kind: 'id' };
    }
    if (name === 'name') return { kind: 'name' };
    if (name === 'phone') return { kind: 'phone' };
    const fact = catalogue.get(name);
    if (!fact) return ignore(problems, { line, path, message: `column '${name}' is not a fact of the policy in force` });
    if (fact.origin !== 'record') {
      return ignore(problems, { line, path, message: `'${name}' is computed over all customers and cannot be imported` });
    }
    return { kind: 'fact', name, fact };
  });
  if (!columns.some((column) => column.kind === 'id')) problems.push({ line, path: '/columns', message: 'the header needs an id column' });
  return { columns, problems };
}

function ignore(problems: FileProblem[], problem: FileProblem): Column {
  problems.push(problem);
  return { kind: 'ignored' };
}

function toRow(header: Column[], cells: string[], line: number): RawImportRow {
  const row: RawImportRow = { line, id: undefined, name: undefined, facts: {}, problems: [] };
  // Reported once at the header, not again on every row.
  if (!header.some((column) => column.kind === 'id')) row.idNotGiven = true;
  // A phone column's empty cell clears the number; with no such column every stored number is kept.
  if (header.some((column) => column.kind === 'phone')) row.phone = null;
  if (cells.length !== header.length) {
    row.problems.push({ path: '', message: `the row has ${cells.length} cells but the header has ${header.length} columns` });
  }
  const facts: Record<string, unknown> = {};
  let cellProblems: Map<string, string> | undefined;
  header.forEach((column, index) => {
    const cell = cells[index];
    if (cell === undefined || cell.trim() === '') return;
    // PostgreSQL stores no NUL in text or jsonb: the cell is reported and the row is not checked further.
    if (cell.includes('\u0000')) {
      const path =
        column.kind === 'fact' ? `/facts${factPointer(column.name)}` : column.kind === 'ignored' ? `/columns/${index}` : `/${column.kind}`;
      row.problems.push({ path, message: `the cell contains a NUL character (\\u0000), which cannot be stored; remove it` });
      row.unstorable = true;
      return;
    }
    if (column.kind === 'id') row.id = cell.trim();
    else if (column.kind === 'name') row.name = cell;
    else if (column.kind === 'phone') row.phone = cell.trim();
    else if (column.kind === 'fact') {
      const coerced = coerceCell(column.fact, cell);
      facts[column.name] = coerced.ok ? coerced.value : cell;
      if (!coerced.ok) (cellProblems ??= new Map()).set(factPointer(column.name), coerced.message);
    }
  });
  row.facts = facts;
  if (cellProblems) row.cellProblems = cellProblems;
  return row;
}

function lineBreaks(cell: string): number {
  let count = 0;
  for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) count += 1;
  return count;
}
