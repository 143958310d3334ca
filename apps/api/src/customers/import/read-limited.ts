import { importTooLarge } from './import-errors.js';

/** The body's chunks, failing with a 413 problem as soon as more than `limit` bytes arrive. */
export async function* readLimited(body: AsyncIterable<Buffer | string>, limit: number): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of body) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buffer.length;
    if (bytes > limit) throw importTooLarge('bytes');
    yield buffer;
  }
}
