import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { EXPIRE_OVERRIDES_SCHEDULE, ExpireOverridesJob } from '../../customers/jobs/expire-overrides.job.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { DEFAULT_JOB_TIMINGS } from '../../jobs/job-timings.js';
import { LOGGER } from '../../logging/logger.token.js';
import { PolicyVersionRepository } from '../../policies/policy-version.repository.js';
import { gradingScheduleKey, isGradingScheduleKey } from './grading-schedule.js';
import { GradingRunsRepository } from './grading-runs.repository.js';
import { PlanGradingRunJob } from './jobs/plan-grading-run.job.js';
import { ScheduledGradingJob } from './jobs/scheduled-grading.job.js';

/**
 * Keeps runs moving whatever happened to their jobs. Runs in every process that
 * works jobs: at boot it queues again every unfinished run (a process that died
 * left them), then every sweep interval the runs with no recent progress (Redis
 * restarted and lost their jobs). Job ids make a job still queued a no-op, and a
 * chunk already done is skipped by its handler. It also (re)registers the
 * grading policy's schedule, which Redis may have lost too, and which follows
 * the policy's cron and a switch of the grading policy within a sweep.
 */
@Injectable()
export class GradingRunSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private readonly timings;

  constructor(
    private readonly runs: GradingRunsRepository,
    private readonly planner: PlanGradingRunJob,
    private readonly queue: JobQueue,
    private readonly versions: PolicyVersionRepository,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.timings = { ...DEFAULT_JOB_TIMINGS, ...config.jobTimings };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep(0);
    this.timer = setInterval(() => void this.sweep(this.timings.staleAfterMs), this.timings.sweepIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** The grading policy's runs on its cron; a policy that no longer grades has none. */
  private async scheduleGradingPolicy(): Promise<void> {
    const policy = await this.versions.findGradingPolicy();
    const key = policy && gradingScheduleKey(policy.id);
    for (const schedule of await this.queue.schedules()) {
      if (isGradingScheduleKey(schedule.key) && schedule.key !== key) await this.queue.unschedule(schedule.key);
    }
    if (policy) await this.queue.schedule(ScheduledGradingJob, { policyId: policy.id }, { key: key!, cron: policy.gradingSchedule });
  }

  /** Queues again the runs with no progress for `staleAfterMs` (0: every unfinished run). */
  async sweep(staleAfterMs: number): Promise<void> {
    try {
      await this.scheduleGradingPolicy();
      await this.queue.schedule(ExpireOverridesJob, {}, EXPIRE_OVERRIDES_SCHEDULE);
      for (const run of await this.runs.stalled(staleAfterMs)) {
        this.logger.info({ runId: run.id, status: run.status }, 'grading run resumed');
        if (run.status === 'queued') await this.queue.add(PlanGradingRunJob, { runId: run.id }, { jobId: PlanGradingRunJob.jobId(run.id) });
        else await this.planner.queuePendingChunks(run.id);
        await this.runs.touch(run.id);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'grading run sweep failed; the next sweep tries again');
    }
  }
}
