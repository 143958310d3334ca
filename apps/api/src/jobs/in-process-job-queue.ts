import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import cronParser from 'cron-parser';
import type { Logger } from 'pino';
import { LOGGER } from '../logging/logger.token.js';
import { JOB_HANDLERS, type JobHandlers, type JobType } from './job-handler.js';
import { JOB_ATTEMPTS, JobQueue, type EnqueueOptions, type Schedule } from './job-queue.js';

interface QueuedJob {
  name: string;
  payload: unknown;
  jobId: string | undefined;
}

interface Timer {
  cron: string;
  handle: NodeJS.Timeout | undefined;
}

// setTimeout's longest delay (about 24.8 days): a monthly schedule waits in steps.
const LONGEST_TIMER_MS = 2 ** 31 - 1;
const FIRST_RETRY_MS = 200;

/**
 * The queue without Redis (the embedded default): jobs run one at a time in
 * this process, with the same handlers and retries as on Bull, and schedules
 * fire from timers. Nothing survives a restart here either; the sweep at boot
 * resumes whatever runs the database says are unfinished.
 */
@Injectable()
export class InProcessJobQueue extends JobQueue implements BeforeApplicationShutdown {
  private readonly waiting: QueuedJob[] = [];
  private readonly queuedIds = new Set<string>();
  private readonly timers = new Map<string, Timer>();
  private draining: Promise<void> | undefined;
  private closed = false;

  constructor(
    // Handlers enqueue jobs themselves, so they are looked up when a job runs, not injected.
    private readonly moduleRef: ModuleRef,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    super();
  }

  add<Payload>(job: JobType<Payload>, payload: Payload, options: EnqueueOptions = {}): Promise<void> {
    if (this.closed || (options.jobId !== undefined && this.queuedIds.has(options.jobId))) return Promise.resolve();
    this.waiting.push({ name: job.name, payload, jobId: options.jobId });
    if (options.jobId !== undefined) this.queuedIds.add(options.jobId);
    this.draining ??= this.drain();
    return Promise.resolve();
  }

  schedule<Payload>(job: JobType<Payload>, payload: Payload, { key, cron }: Schedule): Promise<void> {
    if (this.timers.get(key)?.cron === cron) return Promise.resolve();
    this.clearTimer(key);
    const timer: Timer = { cron, handle: undefined };
    this.timers.set(key, timer);
    const arm = (): void => {
      const due = cronParser.parseExpression(cron, { utc: true }).next().getTime();
      const wait = due - Date.now();
      timer.handle = setTimeout(
        () => {
          if (Date.now() >= due) void this.add(job, payload, { jobId: `${key}:${due}` });
          arm();
        },
        Math.min(Math.max(wait, 0), LONGEST_TIMER_MS),
      );
      // A schedule never keeps the process alive on its own.
      timer.handle.unref();
    };
    arm();
    return Promise.resolve();
  }

  unschedule(key: string): Promise<void> {
    this.clearTimer(key);
    return Promise.resolve();
  }

  schedules(): Promise<Schedule[]> {
    return Promise.resolve([...this.timers].map(([key, timer]) => ({ key, cron: timer.cron })));
  }

  /** Lets the job in hand finish before the database closes; the rest is resumed at the next boot. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closed = true;
    for (const key of [...this.timers.keys()]) this.clearTimer(key);
    this.waiting.length = 0;
    await this.draining;
  }

  /** Resolves once the queue is empty (tests and the bench wait on it). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    // Let the caller's request (and its transaction) finish first.
    await new Promise((resolve) => setImmediate(resolve));
    for (let next = this.waiting.shift(); next; next = this.waiting.shift()) {
      if (next.jobId !== undefined) this.queuedIds.delete(next.jobId);
      await this.runWithRetries(next);
    }
    this.draining = undefined;
  }

  private async runWithRetries(job: QueuedJob): Promise<void> {
    const handlers = this.moduleRef.get<JobHandlers>(JOB_HANDLERS, { strict: false });
    const handler = handlers.get(job.name);
    if (!handler) throw new Error(`no handler for job '${job.name}'`);
    for (let number = 1; number <= JOB_ATTEMPTS; number++) {
      const final = number === JOB_ATTEMPTS || this.closed;
      try {
        await handler.handle(job.payload, { number, final });
        return;
      } catch (error) {
        this.logger.warn({ err: error, job: job.name, attempt: number }, final ? 'job failed for good' : 'job failed; retrying');
        if (final) return;
        await new Promise((resolve) => setTimeout(resolve, FIRST_RETRY_MS * 2 ** (number - 1)));
      }
    }
  }

  private clearTimer(key: string): void {
    const timer = this.timers.get(key);
    if (timer?.handle) clearTimeout(timer.handle);
    this.timers.delete(key);
  }
}
