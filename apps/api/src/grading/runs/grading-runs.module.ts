import { Module } from '@nestjs/common';
import { ExpireOverridesJob } from '../../customers/jobs/expire-overrides.job.js';
import { TierOverridesModule } from '../../customers/tier-overrides.module.js';
import { DatabaseModule } from '../../database/database.module.js';
import { JOB_HANDLERS, type JobHandler } from '../../jobs/job-handler.js';
import { PolicyRuntimeModule } from '../../policies/policy-runtime.module.js';
import { GradingModule } from '../grading.module.js';
import { GradingRunsController } from './grading-runs.controller.js';
import { GradingRunRequestsService } from './grading-run-requests.service.js';
import { GradingRunsRepository } from './grading-runs.repository.js';
import { GradingRunsService } from './grading-runs.service.js';
import { GradeChunkJob } from './jobs/grade-chunk.job.js';
import { PlanGradingRunJob } from './jobs/plan-grading-run.job.js';
import { ScheduledGradingJob } from './jobs/scheduled-grading.job.js';

/** Every job class of grading runs: a worker (or the in-process queue) runs exactly these. */
const JOBS = [PlanGradingRunJob, GradeChunkJob, ScheduledGradingJob, ExpireOverridesJob];

/** Grading runs: their routes, their jobs, and starting one (publication uses GradingRunsService). */
@Module({
  imports: [DatabaseModule, PolicyRuntimeModule, GradingModule, TierOverridesModule],
  controllers: [GradingRunsController],
  providers: [
    GradingRunsRepository,
    GradingRunsService,
    GradingRunRequestsService,
    ...JOBS,
    {
      provide: JOB_HANDLERS,
      inject: JOBS,
      useFactory: (...handlers: JobHandler<unknown>[]) => new Map(handlers.map((handler) => [handler.constructor.name, handler])),
    },
  ],
  exports: [GradingRunsService, GradingRunRequestsService, GradingRunsRepository, PlanGradingRunJob, JOB_HANDLERS],
})
export class GradingRunsModule {}
