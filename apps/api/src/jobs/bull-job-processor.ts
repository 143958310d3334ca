import { Process, Processor } from '@nestjs/bull';
import { Inject } from '@nestjs/common';
import type { Job } from 'bull';
import { JOB_HANDLERS, type JobHandlers } from './job-handler.js';
import { JOB_QUEUE } from './job-queue-name.js';
import { WORKER_CONCURRENCY } from './worker-concurrency.js';

/** A worker's side of Bull: every job, whatever its name, goes to the handler of that name. */
@Processor(JOB_QUEUE)
export class BullJobProcessor {
  constructor(@Inject(JOB_HANDLERS) private readonly handlers: JobHandlers) {}

  @Process({ name: '*', concurrency: WORKER_CONCURRENCY })
  async process(job: Job<unknown>): Promise<void> {
    const handler = this.handlers.get(job.name);
    // Startup checks every job class has a handler; this is a job from another version of the code.
    if (!handler) throw new Error(`no handler for job '${job.name}' in this worker`);
    const number = job.attemptsMade + 1;
    await handler.handle(job.data, { number, final: number >= (job.opts.attempts ?? 1) });
  }
}
