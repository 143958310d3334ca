import { pipeline, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { coerceCell, type CatalogueFact, type FactCatalogue } from '@tierwise/policy';
import { CliError } from '../errors.js';
import { keyPointer, type InputRecord } from './input-record.js';

interface Column {
  name: string;
  fact: CatalogueFact | undefined;
}

const CUSTOMER_ID = 'customerId';

/**
 * One record per CSV row after the header row, which names the columns: facts
 * and customerId. Rows are numbered by the physical line they start on (the
 * header is line 1 when it comes first); a quoted cell may span lines.
 */
export async function* csvRecords(input: Readable, catalogue: FactCatalogue): AsyncGenerator<InputRecord> {
  const parser = parse({
    bom: true,
    // Rows of the wrong width are reported per record below, not fatal.
    relax_column_count: true,
    // Both, so a file with mixed line endings does not leave '\r' in its last cells.
    record_delimiter: ['\r\n', '\n'],
  });
  // pipeline, unlike pipe, hands a read error on to the parser and so to the loop below.
  pipeline(input, parser, () => {});

  let header: Column[] | undefined;
  let linesRead = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      // Empty lines come through as rows of one empty cell, so counting the
      // line breaks inside quoted cells keeps the physical line number.
      const line = linesRead + 1;
      linesRead += 1 + cells.reduce((breaks, cell) => breaks + lineBreaks(cell), 0);
      if (cells.length === 1 && cells[0] === '') continue;
      if (!header) header = readHeader(cells, catalogue, line);
      else yield toRecord(header, cells, line);
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`the CSV input cannot be read: ${(error as Error).message}`);
  }
}

function readHeader(cells: string[], catalogue: FactCatalogue, line: number): Column[] {
  const seen = new Set<string>();
  return cells.map((cell, index) => {
    const name = cell.trim();
    if (name === '') throw new CliError(`line ${line}: column ${index + 1} of the CSV header has no name`);
    if (seen.has(name)) throw new CliError(`line ${line}: column '${name}' appears twice in the CSV header`);
    seen.add(name);
    return { name, fact: name === CUSTOMER_ID ? undefined : catalogue.get(name) };
  });
}

function toRecord(header: Column[], cells: string[], line: number): InputRecord {
  if (cells.length !== header.length) {
    const idColumn = header.findIndex((column) => column.name === CUSTOMER_ID);
    const id = idColumn >= 0 ? cells[idColumn] : undefined;
    return {
      kind: 'unreadable',
      line,
      customerId: id === undefined || id === '' ? null : id,
      errors: [{ path: '', message: `the row has ${cells.length} cells but the header has ${header.length} columns` }],
    };
  }
  const record: Record<string, unknown> = {};
  let cellProblems: Map<string, string> | undefined;
  header.forEach((column, index) => {
    const cell = cells[index]!;
    if (cell.trim() === '') return;
    const coerced = coerceCell(column.fact, cell);
    if (coerced.ok) {
      record[column.name] = coerced.value;
    } else {
      record[column.name] = cell;
      (cellProblems ??= new Map()).set(keyPointer(column.name), coerced.message);
    }
  });
  return cellProblems ? { kind: 'read', line, record, cellProblems } : { kind: 'read', line, record };
}

function lineBreaks(cell: string): number {
  let count = 0;
  for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) count += 1;
  return count;
}
