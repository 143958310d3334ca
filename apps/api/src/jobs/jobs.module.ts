import { BullModule } from '@nestjs/bull';
import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { BullJobQueue } from './bull-job-queue.js';
import { InProcessJobQueue } from './in-process-job-queue.js';
import { JobQueue } from './job-queue.js';
import { JOB_QUEUE } from './job-queue-name.js';
import { DEFAULT_JOB_TIMINGS } from './job-timings.js';
import { jobKeyPrefix } from './job-key-prefix.js';

/**
 * The job queue: Bull on REDIS_URL, or in this process when it is unset. Bull
 * stays inside this folder (with bull-job-processor.ts), so moving to BullMQ
 * would touch nothing else.
 */
@Module({})
export class JobsModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (config.redisUrl === undefined) {
      return {
        module: JobsModule,
        global: true,
        providers: [InProcessJobQueue, { provide: JobQueue, useExisting: InProcessJobQueue }],
        exports: [JobQueue, InProcessJobQueue],
      };
    }
    const timings = { ...DEFAULT_JOB_TIMINGS, ...config.jobTimings };
    return {
      module: JobsModule,
      global: true,
      imports: [
        BullModule.forRoot({
          url: config.redisUrl,
          prefix: jobKeyPrefix(config.database),
          settings: {
            lockDuration: timings.lockDurationMs,
            lockRenewTime: timings.lockDurationMs / 2,
            stalledInterval: timings.stalledIntervalMs,
            // A chunk whose worker died is handed out again, however often that happens: it is idempotent.
            maxStalledCount: Number.MAX_SAFE_INTEGER,
          },
        }),
        BullModule.registerQueue({ name: JOB_QUEUE }),
      ],
      providers: [BullJobQueue, { provide: JobQueue, useExisting: BullJobQueue }],
      exports: [BullModule, JobQueue],
    };
  }
}
