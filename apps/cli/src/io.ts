import type { Readable, Writable } from 'node:stream';

/** The streams a command talks to: the process's own, or a test's. */
export interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

export const EXIT_OK = 0;
/** The policy fails lint or cannot be read, the arguments or the input are unusable. */
export const EXIT_FAILURE = 1;
/** evaluate: at least one record was invalid (the others were still decided). */
export const EXIT_INVALID_RECORDS = 2;
