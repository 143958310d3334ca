import { StringDecoder } from 'node:string_decoder';
import type { FieldError } from '../../common/field-error.js';
import { isPlainObject } from '../../common/request-shape.js';
import { MAX_ROW_BYTES } from './import-limits.js';
import { UnreadableImport, type ImportItem, type RawImportRow } from './import-row.js';

const ROW_KEYS: ReadonlySet<string> = new Set(['id', 'customerId', 'name', 'facts']);

/**
 * One customer per line: {"id": "C-1", "name": "...", "facts": {...}} (customerId
 * is accepted for id). Blank lines are skipped but still counted, so lines
 * match what an editor shows. Lines are split by hand rather than by readline
 * so a failing body (too large, client gone) fails the loop that reads it.
 */
export async function* jsonlImportRows(chunks: AsyncIterable<Buffer>): AsyncGenerator<ImportItem> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let line = 0;
  for await (const chunk of chunks) {
    const text = pending + decoder.write(chunk);
    let start = 0;
    for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
      line += 1;
      const row = readLine(text.slice(start, end), line);
      if (row) yield { kind: 'row', row };
      start = end + 1;
    }
    pending = text.slice(start);
    if (pending.length > MAX_ROW_BYTES)
      throw new UnreadableImport(line + 1, `line ${line + 1} is longer than ${MAX_ROW_BYTES / 1024} KiB; is the file really JSON lines?`);
  }
  pending += decoder.end();
  if (pending !== '') {
    const row = readLine(pending, line + 1);
    if (row) yield { kind: 'row', row };
  }
}

function readLine(raw: string, line: number): RawImportRow | undefined {
  let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return unreadable(line, `the line is not valid JSON: ${(error as Error).message}`);
  }
  if (!isPlainObject(value)) return unreadable(line, 'each line must be a JSON object with id, name and facts');
  const problems: FieldError[] = [];
  for (const key of Object.keys(value)) {
    if (!ROW_KEYS.has(key)) problems.push({ path: `/${key}`, message: `unknown field '${key}'; a customer line has id, name and facts` });
  }
  const { id, customerId } = value;
  if (id !== undefined && customerId !== undefined && id !== customerId) {
    problems.push({ path: '/customerId', message: `id '${String(id)}' and customerId '${String(customerId)}' differ; give one of them` });
  }
  return { line, id: id ?? customerId, name: value['name'], facts: value['facts'], problems };
}

function unreadable(line: number, message: string): RawImportRow {
  // id undefined with a problem already listed: the row is not checked further.
  return { line, id: undefined, name: undefined, facts: undefined, problems: [{ path: '', message }] };
}
