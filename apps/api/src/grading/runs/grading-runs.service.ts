import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { JobQueue } from '../../jobs/job-queue.js';
import { LOGGER } from '../../logging/logger.token.js';
import { GradingRunsRepository, type NewRun } from './grading-runs.repository.js';
import { PlanGradingRunJob } from './jobs/plan-grading-run.job.js';

const DISPATCH_TIMEOUT_MS = 2000;

/**
 * Starts grading runs. A run is a row first (inside the caller's transaction,
 * so a publication and its run commit together) and a job second: if the job
 * cannot be queued (Redis away), the sweep queues it later from the row.
 */
@Injectable()
export class GradingRunsService {
  constructor(
    private readonly runs: GradingRunsRepository,
    private readonly queue: JobQueue,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  create(manager: EntityManager, run: NewRun): Promise<string> {
    return this.runs.insert(manager, run);
  }

  /** Queues the run's planning once its row has committed; never throws (the sweep retries). */
  async dispatch(runId: string): Promise<void> {
    try {
      // With Redis away, Bull's client would hold the call until it reconnects: do not hold the caller.
      const queued = this.queue.add(PlanGradingRunJob, { runId }, { jobId: PlanGradingRunJob.jobId(runId) });
      await Promise.race([queued, rejectAfter(DISPATCH_TIMEOUT_MS)]);
    } catch (error) {
      this.logger.warn({ err: error, runId }, 'grading run not queued yet; the sweep will queue it');
    }
  }
}

function rejectAfter(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`the job queue did not answer in ${ms} ms`)), ms).unref());
}
