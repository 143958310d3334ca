import { once } from 'node:events';
import type { Writable } from 'node:stream';

const BATCH_CHARS = 64 * 1024;

/**
 * Writes lines in batches (one write per ~64 KiB, or per turn of the event loop
 * when the input is slow, so nothing waits for a full batch) and respects
 * backpressure: when the stream's buffer is full, `write` returns a promise
 * that settles on 'drain'. Await it before producing more.
 */
export class LineWriter {
  private pending = '';
  private flushScheduled = false;
  private drained: Promise<void> | undefined;

  constructor(private readonly out: Writable) {}

  write(line: string): Promise<void> | undefined {
    this.pending += line + '\n';
    if (this.pending.length >= BATCH_CHARS) this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        this.flush();
      });
    }
    return this.drained;
  }

  async end(): Promise<void> {
    this.flush();
    await this.drained;
  }

  private flush(): void {
    if (this.pending === '') return;
    const chunk = this.pending;
    this.pending = '';
    if (!this.out.write(chunk) && !this.drained) {
      this.drained = once(this.out, 'drain').then(() => {
        this.drained = undefined;
      });
    }
  }
}
