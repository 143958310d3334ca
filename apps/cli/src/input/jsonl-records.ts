import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { InputRecord } from './input-record.js';

/**
 * One record per line of JSON. Blank lines are skipped (they still count for
 * line numbers); a line that is not JSON is reported, not fatal.
 */
export async function* jsonlRecords(input: Readable): AsyncGenerator<InputRecord> {
  // readline's async iterator pauses the input while its queue is full, so a
  // slow consumer keeps memory bounded.
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line += 1;
    const text = line === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (text.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      yield {
        kind: 'unreadable',
        line,
        customerId: null,
        errors: [{ path: '', message: `the line is not valid JSON: ${(error as Error).message}` }],
      };
      continue;
    }
    yield { kind: 'read', line, record };
  }
}
