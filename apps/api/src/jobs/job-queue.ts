import type { JobType } from './job-handler.js';

export interface EnqueueOptions {
  /** Adding a job whose id is still queued does nothing: the idempotency key. */
  jobId?: string;
}

/** A job run on a schedule, known by its key (one per policy, say). */
export interface Schedule {
  key: string;
  cron: string;
}

/**
 * Where jobs go: Bull on Redis when REDIS_URL is set (shared by every worker),
 * otherwise a queue inside this process. Nothing else in the app knows which.
 */
export abstract class JobQueue {
  abstract add<Payload>(job: JobType<Payload>, payload: Payload, options?: EnqueueOptions): Promise<void>;
  /** Starts `job` on `cron` (UTC) under `key`, replacing an earlier schedule with that key. */
  abstract schedule<Payload>(job: JobType<Payload>, payload: Payload, schedule: Schedule): Promise<void>;
  abstract unschedule(key: string): Promise<void>;
  abstract schedules(): Promise<Schedule[]>;
}

/** Attempts per job before it fails for good (then its handler records why). */
export const JOB_ATTEMPTS = 5;
