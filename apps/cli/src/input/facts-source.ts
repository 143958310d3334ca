import { createReadStream, createWriteStream } from 'node:fs';
import { access, constants, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CliError, UsageError } from '../errors.js';

export type FactsFormat = 'jsonl' | 'csv';

const STDIN = '-';
const FORMAT_BY_EXTENSION: Readonly<Record<string, FactsFormat>> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'jsonl',
  '.csv': 'csv',
};

export function factsFormat(location: string, requested: string | undefined): FactsFormat {
  if (requested !== undefined) {
    if (requested === 'jsonl' || requested === 'csv') return requested;
    throw new UsageError(`--format must be jsonl or csv, not '${requested}'`);
  }
  if (location === STDIN) return 'jsonl';
  const format = FORMAT_BY_EXTENSION[extname(location).toLowerCase()];
  if (!format) throw new UsageError(`cannot tell the format of ${location} from its name: add --format jsonl or --format csv`);
  return format;
}

/** Where the records come from; `open` gives a fresh stream from the start each time it is allowed to. */
export interface FactsSource {
  open(): Readable;
  dispose(): Promise<void>;
}

/**
 * The input as a source that can be read `passes` times. Stdin, and anything
 * else that is not a regular file (a FIFO, /dev/fd/N), can be read only once:
 * for two passes it is first spooled to a temporary file.
 */
export async function openFacts(location: string, stdin: Readable, passes: 1 | 2): Promise<FactsSource> {
  if (location === STDIN) return passes === 1 ? once(stdin) : spool(stdin);
  const info = await stat(location).catch(() => {
    throw new CliError(`no facts file at ${location}`);
  });
  if (info.isDirectory()) throw new CliError(`${location} is a folder; --facts takes a file or -`);
  await access(location, constants.R_OK).catch((error: Error) => {
    throw new CliError(`cannot read facts file ${location}: ${error.message}`);
  });
  if (passes === 2 && !info.isFile()) return spool(createReadStream(location));
  return { open: () => createReadStream(location), dispose: async () => {} };
}

function once(stream: Readable): FactsSource {
  let opened = false;
  return {
    open() {
      if (opened) throw new Error('this input can be read only once');
      opened = true;
      return stream;
    },
    dispose: async () => {},
  };
}

async function spool(stream: Readable): Promise<FactsSource> {
  const folder = await mkdtemp(join(tmpdir(), 'tierwise-'));
  const file = join(folder, 'facts');
  const dispose = () => rm(folder, { recursive: true, force: true });
  try {
    await pipeline(stream, createWriteStream(file));
  } catch (error) {
    await dispose();
    throw new CliError(`cannot read the input: ${(error as Error).message}`);
  }
  return { open: () => createReadStream(file), dispose };
}
