import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { JobOptions, Queue } from 'bull';
import type { JobType } from './job-handler.js';
import { JOB_ATTEMPTS, JobQueue, type EnqueueOptions, type Schedule } from './job-queue.js';
import { JOB_QUEUE } from './job-queue-name.js';

// Finished jobs leave Redis at once: run records live in PostgreSQL, and a job id
// that is gone can be added again by the sweep (its handler then finds the work done).
const DELIVERY: JobOptions = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: true,
};

/** Jobs on Bull: every worker process connected to the same Redis shares them. */
@Injectable()
export class BullJobQueue extends JobQueue {
  constructor(@InjectQueue(JOB_QUEUE) private readonly queue: Queue) {
    super();
  }

  async add<Payload>(job: JobType<Payload>, payload: Payload, options: EnqueueOptions = {}): Promise<void> {
    await this.queue.add(job.name, payload, { ...DELIVERY, ...(options.jobId ? { jobId: options.jobId } : {}) });
  }

  async schedule<Payload>(job: JobType<Payload>, payload: Payload, { key, cron }: Schedule): Promise<void> {
    for (const existing of await this.queue.getRepeatableJobs()) {
      if (existing.id === key && existing.cron !== cron) await this.queue.removeRepeatableByKey(existing.key);
    }
    await this.queue.add(job.name, payload, { ...DELIVERY, jobId: key, repeat: { cron, tz: 'UTC' } });
  }

  async unschedule(key: string): Promise<void> {
    for (const existing of await this.queue.getRepeatableJobs()) {
      if (existing.id === key) await this.queue.removeRepeatableByKey(existing.key);
    }
  }

  async schedules(): Promise<Schedule[]> {
    const repeatable = await this.queue.getRepeatableJobs();
    return repeatable.flatMap((job) => (job.id && job.cron ? [{ key: job.id, cron: job.cron }] : []));
  }
}
