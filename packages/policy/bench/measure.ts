import { hrtime } from 'node:process';

// Timing helpers. Throughput and latency are measured separately for the
// synchronous evaluators: reading the clock around a call costs ~50 ns, which
// is more than the hand-written function itself takes, so timing every call
// would distort its throughput. For the asynchronous engines (100+ us a call)
// that overhead is noise, so one pass gives both.

export interface Measurement {
  engine: string;
  rounds: number;
  /** Median over the rounds, each round evaluating every customer. */
  perSecond: number;
  p50Us: number;
  p99Us: number;
}

export interface SyncOptions {
  warmupPasses: number;
  rounds: number;
}

export interface AsyncOptions {
  /** Customers evaluated before timing, so the JIT and the native side are warm. */
  warmup: number;
  /** Another full round is started only if it should fit in this budget. */
  budgetMs: number;
  maxRounds: number;
}

// Results go here so the optimiser cannot drop a call whose result nobody reads.
const sink: unknown[] = new Array(1024);
let sinkIndex = 0;
function keep(value: unknown): void {
  sink[sinkIndex++ & 1023] = value;
}

const elapsedNs = (start: bigint) => Number(hrtime.bigint() - start);

export interface SyncCandidate<T> {
  engine: string;
  fn: (item: T) => unknown;
}

/**
 * Rounds of the candidates alternate (A B, B A, A B ...), so a burst of load
 * from other processes on a shared machine hits them alike and their ratio
 * stays meaningful even when the absolute figures do not.
 */
export function measureSync<T>(candidates: readonly SyncCandidate<T>[], items: readonly T[], options: SyncOptions): Measurement[] {
  const pass = (fn: (item: T) => unknown) => {
    const start = hrtime.bigint();
    for (const item of items) keep(fn(item));
    return items.length / (elapsedNs(start) / 1e9);
  };
  for (let warmup = 0; warmup < options.warmupPasses; warmup++) for (const { fn } of candidates) pass(fn);

  const rates = candidates.map((): number[] => []);
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? candidates.map((_, i) => i) : candidates.map((_, i) => candidates.length - 1 - i);
    for (const i of order) rates[i]!.push(pass(candidates[i]!.fn));
  }

  return candidates.map(({ engine, fn }, c) => {
    const latencies = new Float64Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const start = hrtime.bigint();
      keep(fn(items[i]!));
      latencies[i] = elapsedNs(start);
    }
    return { engine, rounds: options.rounds, perSecond: median(rates[c]!), ...percentiles(latencies) };
  });
}

/** One call at a time, each awaited before the next: what a request handler sees. */
export async function measureSequential<T>(
  engine: string,
  items: readonly T[],
  fn: (item: T) => Promise<unknown>,
  options: AsyncOptions,
): Promise<Measurement> {
  for (let i = 0; i < options.warmup; i++) keep(await fn(items[i % items.length]!));

  return rounds(engine, items.length, options, async (latencies) => {
    for (let i = 0; i < items.length; i++) {
      const start = hrtime.bigint();
      keep(await fn(items[i]!));
      latencies[i] = elapsedNs(start);
    }
  });
}

/**
 * Chunks of `chunk` calls started together and awaited with Promise.all, chunk
 * after chunk: what a re-grading job may do. A call's latency runs from its
 * chunk's start to its own answer, so it includes the wait behind the others.
 */
export async function measureBatched<T>(
  engine: string,
  items: readonly T[],
  chunk: number,
  fn: (item: T) => Promise<unknown>,
  options: AsyncOptions,
): Promise<Measurement> {
  const runChunk = (from: number, to: number, latencies?: Float64Array) => {
    const start = hrtime.bigint();
    const calls: Promise<void>[] = [];
    for (let i = from; i < to; i++) {
      calls.push(
        // The warm-up may ask for more calls than there are items (a smoke-sized run): it goes round them again.
        fn(items[i % items.length]!).then((result) => {
          keep(result);
          if (latencies) latencies[i] = elapsedNs(start);
        }),
      );
    }
    return Promise.all(calls);
  };
  for (let from = 0; from < options.warmup; from += chunk) await runChunk(from, Math.min(from + chunk, options.warmup));

  return rounds(engine, items.length, options, async (latencies) => {
    for (let from = 0; from < items.length; from += chunk) await runChunk(from, Math.min(from + chunk, items.length), latencies);
  });
}

// Full rounds until the budget would be exceeded; latencies pooled over all rounds.
async function rounds(
  engine: string,
  count: number,
  options: AsyncOptions,
  round: (latencies: Float64Array) => Promise<void>,
): Promise<Measurement> {
  const rates: number[] = [];
  const pooled: Float64Array[] = [];
  let spentMs = 0;
  do {
    const latencies = new Float64Array(count);
    const start = hrtime.bigint();
    await round(latencies);
    const ms = elapsedNs(start) / 1e6;
    spentMs += ms;
    rates.push(count / (ms / 1000));
    pooled.push(latencies);
  } while (rates.length < options.maxRounds && spentMs + spentMs / rates.length <= options.budgetMs);

  const all = new Float64Array(count * pooled.length);
  pooled.forEach((latencies, i) => all.set(latencies, i * count));
  return { engine, rounds: rates.length, perSecond: median(rates), ...percentiles(all) };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest-rank p50 and p99 of latencies in nanoseconds, answered in microseconds. */
export function percentiles(latenciesNs: Float64Array): { p50Us: number; p99Us: number } {
  const sorted = Float64Array.from(latenciesNs).sort();
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]! / 1000;
  return { p50Us: at(0.5), p99Us: at(0.99) };
}
