import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { PinnedTiersCheck } from '../grading/pinned-tiers.check.js';
import { GradingRunsService } from '../grading/runs/grading-runs.service.js';
import { ActivePolicyService } from './active-policy.service.js';
import type { PolicyUpdateInput } from './dto/policy-inputs.js';
import type { PolicyUpdateResultDto } from './dto/policy.dto.js';
import { PolicyVersionRepository } from './policy-version.repository.js';
import { PolicyVersionsService, type PolicyWriteContext } from './policy-versions.service.js';
import { policyNotFound, policyNotPublished } from './policy.exception.js';

/**
 * Which policy grades the customers, and when its scheduled runs start. A
 * publisher switches the grading policy; the switch starts a grading run, and
 * until it has caught up each stored decision names the policy that made it.
 */
@Injectable()
export class PolicyGradingService {
  constructor(
    private readonly versions: PolicyVersionRepository,
    private readonly policies: PolicyVersionsService,
    private readonly compiled: ActivePolicyService,
    private readonly pinned: PinnedTiersCheck,
    private readonly runs: GradingRunsService,
    private readonly audit: AuditRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async update(policyId: string, input: PolicyUpdateInput, context: PolicyWriteContext): Promise<PolicyUpdateResultDto> {
    const runId = await this.transactions.run(async (manager) => {
      const current = await this.versions.findGradingPolicy(manager);
      // Both policies locked FOR UPDATE, in id order: a customer write holding either (FOR KEY SHARE) finishes first.
      for (const id of [...new Set([policyId, current?.id ?? policyId])].sort()) await this.versions.lockPolicy(manager, id);
      const policy = await this.versions.lockPolicy(manager, policyId);
      if (!policy) throw policyNotFound(policyId);
      if (input.schedule !== undefined && input.schedule !== policy.gradingSchedule) {
        await this.versions.setGradingSchedule(manager, policyId, input.schedule);
        await this.audit.append(manager, {
          actor: context.actor,
          action: 'policy.schedule',
          target: `policy:${policyId}`,
          summary: { before: policy.gradingSchedule, after: input.schedule },
          requestId: context.requestId,
        });
      }
      if (!input.grading || policy.grading) return null;
      const inForce = await this.versions.findPublished(manager, policyId);
      if (!inForce?.hash) throw policyNotPublished(policyId);
      const { compiled } = await this.compiled.versionOf(policyId, inForce.version);
      await this.pinned.refuseMissing(manager, { policyId, version: inForce.version }, compiled);
      await this.versions.switchGrading(manager, policyId);
      const run = await this.runs.create(manager, {
        kind: 'grade',
        cause: 'manual',
        policyId,
        policyVersion: inForce.version,
        policyHash: inForce.hash,
        filter: null,
        startedBy: context.actor,
      });
      await this.audit.append(manager, {
        actor: context.actor,
        action: 'policy.grading',
        target: `policy:${policyId}@${inForce.version}`,
        summary: { before: current?.id ?? null, after: policyId, gradingRun: Number(run) },
        requestId: context.requestId,
      });
      return run;
    });
    if (runId !== null) await this.runs.dispatch(runId);
    return { ...(await this.policies.getPolicy(policyId)), gradingRun: runId === null ? null : { id: Number(runId) } };
  }
}
