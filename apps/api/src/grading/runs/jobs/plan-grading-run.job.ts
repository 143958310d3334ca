import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { TransactionRunner } from '../../../database/transaction-runner.js';
import type { JobAttempt, JobHandler } from '../../../jobs/job-handler.js';
import { JobQueue } from '../../../jobs/job-queue.js';
import { LOGGER } from '../../../logging/logger.token.js';
import { ActivePolicyService } from '../../../policies/active-policy.service.js';
import { GradingRunsRepository } from '../grading-runs.repository.js';
import { RUN_CHUNK_SIZE } from '../run-chunk-size.js';
import { GradeChunkJob } from './grade-chunk.job.js';

export interface PlanGradingRunPayload {
  runId: string;
}

/**
 * A run's first step, in one transaction: supersede older grading runs of the
 * policy, compute the population facts it declares (in SQL), split the
 * customers into key-range chunks, mark the run running. Then queue the chunks.
 * Delivered again, it finds the run running and queues whatever chunks are left.
 */
@Injectable()
export class PlanGradingRunJob implements JobHandler<PlanGradingRunPayload> {
  static jobId(runId: string): string {
    return `run-${runId}-plan`;
  }

  constructor(
    private readonly runs: GradingRunsRepository,
    private readonly policies: ActivePolicyService,
    private readonly transactions: TransactionRunner,
    private readonly queue: JobQueue,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle({ runId }: PlanGradingRunPayload, attempt: JobAttempt): Promise<void> {
    try {
      const run = await this.runs.find(runId);
      if (!run || (run.status !== 'queued' && run.status !== 'running')) return;
      if (run.status === 'queued') {
        const policy = await this.policies.versionOf(run.policyId, run.policyVersion);
        const planned = await this.transactions.run(async (manager) => {
          const superseded = run.kind === 'grade' ? await this.runs.supersedeOlder(manager, run.policyId, runId) : [];
          if ((await this.runs.lockStatus(manager, runId)) !== 'queued') return undefined;
          const population =
            policy.compiled.population.size > 0 ? await this.runs.computePopulation(manager, runId, policy.compiled.population) : null;
          const plan = await this.runs.planChunks(manager, runId, run.filter, RUN_CHUNK_SIZE);
          await this.runs.markRunning(manager, runId, plan.total, population);
          return { ...plan, superseded };
        });
        if (!planned) return;
        this.logger.info({ runId, kind: run.kind, ...planned }, 'grading run planned');
      }
      await this.queuePendingChunks(runId);
    } catch (error) {
      if (attempt.final)
        await this.runs.fail(runId, `the run could not be planned: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }

  /** Queues every chunk not yet done (each job id once), or closes the run when none is left. */
  async queuePendingChunks(runId: string): Promise<void> {
    const pending = await this.runs.pendingChunks(runId);
    for (const chunk of pending) await this.queue.add(GradeChunkJob, { runId, chunk }, { jobId: GradeChunkJob.jobId(runId, chunk) });
    if (pending.length === 0) await this.runs.finishIfDone(runId);
  }
}
