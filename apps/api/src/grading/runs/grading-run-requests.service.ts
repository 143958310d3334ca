import { Injectable } from '@nestjs/common';
import type { ListQuery } from '../../common/ra-list-query.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { ActivePolicyService } from '../../policies/active-policy.service.js';
import { ACTIVE_POLICY_ID } from '../../policies/policy-ids.js';
import { PolicyVersionRepository } from '../../policies/policy-version.repository.js';
import { noActivePolicy, policyNotFound } from '../../policies/policy.exception.js';
import type { StartRunInput } from './dto/grading-run-inputs.js';
import type { GradingRunDto, GradingRunFailureDto } from './dto/grading-run.dto.js';
import type { GradingRunFilter, GradingRunSortField } from './grading-run-list-query.js';
import { toGradingRunDto } from './grading-run.mapper.js';
import { gradingRunNotFound, policyNotGrading } from './grading-run.exception.js';
import { GradingRunsRepository } from './grading-runs.repository.js';
import { GradingRunsService } from './grading-runs.service.js';

/** What the grading-run routes and a simulation ask for: runs and their failures read, a run started by hand, a simulation. */
@Injectable()
export class GradingRunRequestsService {
  constructor(
    private readonly runs: GradingRunsRepository,
    private readonly starter: GradingRunsService,
    private readonly versions: PolicyVersionRepository,
    private readonly transactions: TransactionRunner,
    private readonly policies: ActivePolicyService,
  ) {}

  async list(query: ListQuery<GradingRunSortField, GradingRunFilter>): Promise<{ items: GradingRunDto[]; total: number }> {
    const { start, end } = query.range;
    const page = await this.runs.list(query.filter, { offset: start, limit: end - start + 1, order: query.sort.order });
    return { items: page.runs.map(toGradingRunDto), total: page.total };
  }

  async get(id: string): Promise<GradingRunDto> {
    const run = await this.runs.find(id);
    if (!run) throw gradingRunNotFound(id);
    return toGradingRunDto(run);
  }

  async failures(id: string, range: { start: number; end: number }): Promise<{ items: GradingRunFailureDto[]; total: number }> {
    if (!(await this.runs.find(id))) throw gradingRunNotFound(id);
    const page = await this.runs.failures(id, { offset: range.start, limit: range.end - range.start + 1 });
    return { items: page.rows, total: page.total };
  }

  async startByHand(input: StartRunInput, actor: string): Promise<GradingRunDto> {
    const runId = await this.transactions.run(async (manager) => {
      const grading = await this.versions.findGradingPolicy(manager);
      const policyId = input.policyId ?? grading?.id ?? ACTIVE_POLICY_ID;
      const policy = await this.versions.lockPolicy(manager, policyId);
      if (!policy) throw policyNotFound(policyId);
      if (!policy.grading) throw policyNotGrading(policyId, grading?.id ?? '(none)');
      const inForce = await this.versions.findPublished(manager, policyId);
      if (!inForce?.hash) throw noActivePolicy(policyId);
      return this.starter.create(manager, {
        kind: 'grade',
        cause: 'manual',
        policyId,
        policyVersion: inForce.version,
        policyHash: inForce.hash,
        filter: input.filter,
        startedBy: actor,
      });
    });
    await this.starter.dispatch(runId);
    return this.get(runId);
  }

  /**
   * A simulation of one version (a draft too) over the stored customers. The document's hash is
   * kept with the run: a draft saved again before the run ends fails it rather than mixing two drafts.
   */
  async simulate(policyId: string, version: number, actor: string): Promise<GradingRunDto> {
    if (!(await this.versions.findPolicy(policyId))) throw policyNotFound(policyId);
    // Compiling says what is wrong with a draft that cannot evaluate (409), or that the version does not exist (404).
    const policy = await this.policies.versionOf(policyId, version);
    const runId = await this.transactions.run((manager) =>
      this.starter.create(manager, {
        kind: 'simulation',
        cause: 'manual',
        policyId,
        policyVersion: version,
        policyHash: policy.compiled.ref.hash,
        filter: null,
        startedBy: actor,
      }),
    );
    await this.starter.dispatch(runId);
    return this.get(runId);
  }
}
