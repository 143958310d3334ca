import { StringDecoder } from 'node:string_decoder';
import type { FieldError } from '../../common/field-error.js';
import { isPlainObject } from '../../common/request-shape.js';
import { findUnstorableJson } from '../../common/storable-json.js';
import { MAX_ROW_BYTES } from './import-limits.js';
import { UnreadableImport, type ImportItem, type RawImportRow } from './import-row.js';

const ROW_KEYS: ReadonlySet<string> = new Set(['id', 'customerId', 'name', 'phone', 'facts']);
const FLAT_ROW_KEYS: ReadonlySet<string> = new Set(['id', 'customerId', 'name', 'phone']);

/**
 * One customer per line, in either shape: {"id": "C-1", "name": "...", "facts": {...}}
 * or the CLI's flat record {"customerId": "C-1", "strength": 12, ...} whose
 * other keys are the facts (name optional in both; customerId is accepted for
 * id in both). A line with a "facts" object is the first shape. Blank lines are skipped but still counted, so lines
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
  const { id, customerId } = value;
  const unstorable = findUnstorableJson(value);
  if (unstorable) {
    const given = id ?? customerId;
    return {
      line,
      id: typeof given === 'string' ? given : undefined,
      name: undefined,
      facts: undefined,
      problems: [unstorable],
      unstorable: true,
    };
  }
  const problems: FieldError[] = [];
  const nested = Object.hasOwn(value, 'facts');
  if (nested) {
    for (const key of Object.keys(value)) {
      if (!ROW_KEYS.has(key))
        problems.push({ path: `/${key}`, message: `unknown field '${key}'; a customer line has id, name, phone and facts` });
    }
  }
  if (id !== undefined && customerId !== undefined && id !== customerId) {
    problems.push({
      path: '/customerId',
      message: `id ${JSON.stringify(id)} and customerId ${JSON.stringify(customerId)} differ; give one of them`,
    });
  }
  const facts = nested ? value['facts'] : flatFacts(value);
  const row: RawImportRow = { line, id: id ?? customerId, name: value['name'], facts, problems };
  if (Object.hasOwn(value, 'phone')) row.phone = value['phone'];
  return row;
}

// The CLI's record: everything but the id and name is a fact, checked against the policy like any other.
function flatFacts(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !FLAT_ROW_KEYS.has(key)));
}

function unreadable(line: number, message: string): RawImportRow {
  // id undefined with a problem already listed: the row is not checked further.
  return { line, id: undefined, name: undefined, facts: undefined, problems: [{ path: '', message }] };
}
