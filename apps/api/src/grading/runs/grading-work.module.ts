import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { DatabaseModule } from '../../database/database.module.js';
import { BullJobProcessor } from '../../jobs/bull-job-processor.js';
import { GradingRunSweeper } from './grading-run-sweeper.js';
import { GradingRunsModule } from './grading-runs.module.js';

/**
 * What a process that works grading jobs adds: the sweep that resumes runs and
 * registers the schedule, and, on Redis, Bull's processor. A worker imports it;
 * the api does too when REDIS_URL is unset (the in-process queue runs the jobs).
 */
@Module({})
export class GradingWorkModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: GradingWorkModule,
      imports: [DatabaseModule, GradingRunsModule],
      providers: [GradingRunSweeper, ...(config.redisUrl === undefined ? [] : [BullJobProcessor])],
    };
  }
}
