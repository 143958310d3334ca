import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../../database/transaction-runner.js';
import type { JobHandler } from '../../../jobs/job-handler.js';
import { PolicyVersionRepository } from '../../../policies/policy-version.repository.js';
import { GradingRunsService } from '../grading-runs.service.js';

export interface ScheduledGradingPayload {
  policyId: string;
}

/** The policy's schedule came due: grade every customer under the version in force. */
@Injectable()
export class ScheduledGradingJob implements JobHandler<ScheduledGradingPayload> {
  constructor(
    private readonly versions: PolicyVersionRepository,
    private readonly runs: GradingRunsService,
    private readonly transactions: TransactionRunner,
  ) {}

  async handle({ policyId }: ScheduledGradingPayload): Promise<void> {
    const runId = await this.transactions.run(async (manager) => {
      const inForce = await this.versions.findPublished(manager, policyId);
      if (!inForce?.hash) return undefined;
      return this.runs.create(manager, {
        kind: 'grade',
        cause: 'schedule',
        policyId,
        policyVersion: inForce.version,
        policyHash: inForce.hash,
        filter: null,
        startedBy: 'system',
      });
    });
    if (runId) await this.runs.dispatch(runId);
  }
}
