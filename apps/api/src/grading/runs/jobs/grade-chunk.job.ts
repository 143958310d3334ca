import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { TransactionRunner } from '../../../database/transaction-runner.js';
import type { JobAttempt, JobHandler } from '../../../jobs/job-handler.js';
import { LOGGER } from '../../../logging/logger.token.js';
import { ActivePolicyService } from '../../../policies/active-policy.service.js';
import { RegradeRepository } from '../../regrade.repository.js';
import { gradeChunk } from '../chunk-grader.js';
import { GradingRunsRepository } from '../grading-runs.repository.js';
import { runHistoryCause } from '../run-history-cause.js';

export interface GradeChunkPayload {
  runId: string;
  chunk: number;
}

/**
 * Grades one chunk of a run exactly once: its decisions, its tier-history rows,
 * its failures and the chunk's own "done" commit in one transaction, so a retry,
 * a second delivery or a worker killed mid-chunk can neither lose nor repeat a
 * row. A simulation writes only the chunk's tally.
 */
@Injectable()
export class GradeChunkJob implements JobHandler<GradeChunkPayload> {
  static jobId(runId: string, chunk: number): string {
    return `run-${runId}-chunk-${chunk}`;
  }

  constructor(
    private readonly runs: GradingRunsRepository,
    private readonly decisions: RegradeRepository,
    private readonly policies: ActivePolicyService,
    private readonly transactions: TransactionRunner,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle({ runId, chunk }: GradeChunkPayload, attempt: JobAttempt): Promise<void> {
    try {
      const run = await this.runs.find(runId);
      if (run?.status !== 'running') return;
      const policy = await this.policies.versionOf(run.policyId, run.policyVersion);
      // A simulated draft saved again meanwhile: its chunks would mix two documents.
      if (run.policyHash !== null && policy.compiled.ref.hash !== run.policyHash) {
        await this.runs.fail(runId, `v${run.policyVersion} changed while it was being simulated; simulate it again`);
        return;
      }
      const stillRunning = await this.transactions.run(async (manager) => {
        // Locked until commit: a newer run superseding this one waits for the chunk.
        if ((await this.runs.lockStatus(manager, runId)) !== 'running') return false;
        const range = await this.runs.lockChunk(manager, runId, chunk);
        if (!range || range.done) return true;
        const laps = new Laps();
        const customers = await this.runs.readChunk(manager, runId, range, run.filter, {
          lock: run.kind === 'grade',
          decisions: run.kind === 'simulation',
          population: policy.compiled.population.size > 0,
        });
        // Once the chunk's decisions are locked: the grading time, and the standings protection reads.
        const time = await this.decisions.chunkTime(manager, range.firstId, range.nextId);
        laps.lap('read');
        const graded = gradeChunk(policy, customers, run.kind, time);
        laps.lap('evaluate');
        if (run.kind === 'grade') {
          const stamp = {
            policyId: run.policyId,
            policyVersion: run.policyVersion,
            policyHash: run.policyHash!,
            cause: runHistoryCause(run.cause),
            actor: run.startedBy,
            runId,
            at: time.at,
          };
          await this.decisions.storeDecisions(manager, stamp, graded.rewritten);
          laps.lap('decisions');
          await this.decisions.appendHistory(manager, stamp, graded.moved);
          laps.lap('history');
        }
        await this.runs.recordFailures(manager, runId, graded.failures);
        await this.runs.completeChunk(manager, runId, chunk, graded.tally);
        laps.lap('done');
        this.logger.debug({ runId, chunk, customers: customers.length, ms: laps.times }, 'chunk graded');
        return true;
      });
      if (stillRunning) await this.runs.finishIfDone(runId);
    } catch (error) {
      if (attempt.final) await this.runs.fail(runId, `chunk ${chunk} failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }
}

/** Milliseconds spent in each step of a chunk, for the debug log. */
class Laps {
  readonly times: Record<string, number> = {};
  private last = performance.now();

  lap(name: string): void {
    const now = performance.now();
    this.times[name] = Math.round(now - this.last);
    this.last = now;
  }
}
