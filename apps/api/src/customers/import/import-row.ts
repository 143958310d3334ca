import type { FieldError } from '../../common/field-error.js';

/** A row as read from the file, before any check. Paths in `problems` point into the row: /id, /name, /facts/strength. */
export interface RawImportRow {
  /** 1-based line of the file where the row starts. */
  line: number;
  id: unknown;
  name: unknown;
  /** Undefined when the file does not give it (the stored number is kept); null or '' clears it. */
  phone?: unknown;
  facts: unknown;
  /** Problems found while reading: a line that is not JSON, an unknown field, a row of the wrong width. */
  problems: FieldError[];
  /**
   * CSV cells that could not be read as their fact's type, by JSON pointer into
   * the facts. Such a cell stays in the facts as text, so validation reports it
   * with every other problem; this message, naming what the CSV accepts, replaces the validator's.
   */
  cellProblems?: ReadonlyMap<string, string>;
  /** The file has no id column, a problem reported once for the file rather than on each row. */
  idNotGiven?: true;
  /** The row holds something that cannot be stored (a NUL, a number past a double, hostile nesting): its problem is listed and nothing else is checked. */
  unstorable?: true;
}

/** A row that passed every check. */
export interface ImportRow {
  line: number;
  id: string;
  /** Null when the file gives none (the CLI's records have no name): a new customer is named by its id, an existing one keeps its name. */
  name: string | null;
  /** E.164, null to clear; undefined when the file does not give it: an existing customer keeps theirs. */
  phone?: string | null;
  facts: Record<string, unknown>;
}

/** A problem with the file as a whole (a CSV header column, say) rather than with one row. */
export interface FileProblem extends FieldError {
  line: number;
}

/** What a reader yields: rows, and problems with the file itself. */
export type ImportItem = { kind: 'row'; row: RawImportRow } | { kind: 'file-problem'; problem: FileProblem };

/** Thrown by a reader when the rest of the file cannot be read at all (an unclosed CSV quote, a line past the size limit). */
export class UnreadableImport extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'UnreadableImport';
  }
}

/** A JSON pointer to a key of the facts. */
export function factPointer(key: string): string {
  return '/' + key.replace(/~/g, '~0').replace(/\//g, '~1');
}
