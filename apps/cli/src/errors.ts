/** Arguments the command cannot act on: reported with a pointer to its --help. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Something the user can fix (a missing file, a broken CSV header): reported as one line, no stack. */
export class CliError extends Error {
  override name = 'CliError';
}
