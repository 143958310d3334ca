import type { Type } from '@nestjs/common';

/** Where a delivery stands among its attempts: the last one may record a failure for good. */
export interface JobAttempt {
  number: number;
  final: boolean;
}

/**
 * A background job: a class whose name is the job's name and whose payload type
 * is declared beside it. Handlers must be idempotent: a queue may deliver a job
 * again (a retry, a worker killed mid-job, a sweep re-adding it after Redis lost it).
 */
export interface JobHandler<Payload> {
  handle(payload: Payload, attempt: JobAttempt): Promise<void>;
}

export type JobType<Payload> = Type<JobHandler<Payload>>;

/** The handlers this process may run, by job name (the class name). */
export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
export type JobHandlers = ReadonlyMap<string, JobHandler<unknown>>;
