import type { RecordError } from '@tierwise/policy';

/** A record read from the input, to be validated and decided by the policy. */
export interface ReadRecord {
  kind: 'read';
  /** 1-based line of the input where the record starts. */
  line: number;
  record: unknown;
  /**
   * CSV cells that could not be read as their fact's type, by JSON pointer. Such
   * a cell is left in the record as text, so validation reports it along with
   * every other problem; this message, naming what the CSV accepts, replaces the
   * validator's.
   */
  cellProblems?: ReadonlyMap<string, string>;
}

/** Input that is not a record at all: a line that is not JSON, a CSV row of the wrong width. */
export interface UnreadableRecord {
  kind: 'unreadable';
  line: number;
  customerId: string | null;
  errors: RecordError[];
}

export type InputRecord = ReadRecord | UnreadableRecord;

/** A JSON pointer to a top-level key of a record. */
export function keyPointer(key: string): string {
  return '/' + key.replace(/~/g, '~0').replace(/\//g, '~1');
}
