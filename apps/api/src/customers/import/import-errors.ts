import { DomainException } from '../../common/domain.exception.js';
import { ErrorCode } from '../../common/error-code.js';
import type { FieldError } from '../../common/field-error.js';
import { IMPORT_BODY_LIMIT_BYTES, MAX_IMPORT_ROWS, MAX_LISTED_ERRORS } from './import-limits.js';

/** One problem with one row of an import: `line` is the 1-based line of the file it starts on. */
export interface ImportRowError extends FieldError {
  line: number;
  customerId: string | null;
}

/** Collects every row's problems, keeping the first MAX_LISTED_ERRORS and counting the rest. */
export class ImportErrors {
  private readonly listed: ImportRowError[] = [];
  private total = 0;
  private readonly rejectedLines = new Set<number>();

  add(line: number, customerId: string | null, problems: readonly FieldError[]): void {
    if (problems.length === 0) return;
    this.rejectedLines.add(line);
    for (const problem of problems) {
      this.total += 1;
      if (this.listed.length < MAX_LISTED_ERRORS) this.listed.push({ line, customerId, path: problem.path, message: problem.message });
    }
  }

  get count(): number {
    return this.total;
  }

  /** `why` prefixes the detail when the reason is not plain bad rows. */
  toException(rows: number, why = ''): DomainException {
    const shown = this.listed.length < this.total ? `; the first ${this.listed.length} are listed` : '';
    const rowsRejected = this.rejectedLines.size;
    return new DomainException(
      ErrorCode.ImportRejected,
      `${why}${rowsRejected} of ${rows} row(s) have ${this.total} problem(s)${shown}; fix them and send the whole file again`,
      this.listed,
      { totalErrors: this.total, rowsRejected, rowsRead: rows },
    );
  }
}

export function importTooLarge(what: 'bytes' | 'rows'): DomainException {
  const limit = what === 'bytes' ? `${IMPORT_BODY_LIMIT_BYTES / (1024 * 1024)} MiB` : `${MAX_IMPORT_ROWS.toLocaleString('en')} customers`;
  return new DomainException(ErrorCode.PayloadTooLarge, `an import holds at most ${limit}; split the file and send the parts one by one`);
}
