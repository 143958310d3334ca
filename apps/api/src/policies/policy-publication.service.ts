import { Inject, Injectable } from '@nestjs/common';
import { compilePolicy, hasErrors, lintPolicy, PolicyLintError, type CompiledPolicy } from '@tierwise/policy';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository.js';
import { DomainException } from '../common/domain.exception.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { PinnedTiersCheck } from '../grading/pinned-tiers.check.js';
import type { RunCause } from '../grading/runs/grading-run.js';
import { GradingRunsService } from '../grading/runs/grading-runs.service.js';
import { LOGGER } from '../logging/logger.token.js';
import { CompiledPolicyCache } from './compiled-policy.cache.js';
import type { PublishInput } from './dto/policy-inputs.js';
import type { PublishResultDto } from './dto/policy.dto.js';
import { toVersionDto } from './policy.mapper.js';
import type { PolicyVersionEntity } from './policy-version.entity.js';
import type { PolicyEntity } from './policy.entity.js';
import { PolicyVersionRepository } from './policy-version.repository.js';
import { asVersion, lintCounts, type PolicyWriteContext } from './policy-versions.service.js';
import {
  alreadyReleased,
  notADraft,
  policyHasLintErrors,
  policyNotFound,
  policyVersionNotFound,
  publishedMeanwhile,
  reviewedRevisionStale,
} from './policy.exception.js';

/**
 * Publication and rollback. Each is one short transaction: the policy row is
 * locked (publications of a policy queue up behind each other), the draft
 * becomes the version in force, the previous one is superseded, and a grading
 * run is recorded. The run re-grades the customers afterwards, in chunk jobs
 * (grading/runs); meanwhile decisions are mixed between the two versions, and
 * each names its own. A customer edited meanwhile is graded by the new version.
 */
@Injectable()
export class PolicyPublicationService {
  constructor(
    private readonly versions: PolicyVersionRepository,
    private readonly runs: GradingRunsService,
    private readonly pinned: PinnedTiersCheck,
    private readonly cache: CompiledPolicyCache,
    private readonly audit: AuditRepository,
    private readonly transactions: TransactionRunner,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async publish(policyId: string, version: number, input: PublishInput, context: PolicyWriteContext): Promise<PublishResultDto> {
    const started = Date.now();
    const result = await this.transactions.run(async (manager) => {
      const policy = await this.versions.lockPolicy(manager, policyId);
      if (!policy) throw policyNotFound(policyId);
      const draft = await this.versions.lockVersion(manager, policyId, version);
      if (!draft) throw policyVersionNotFound(policyId, version);
      if (draft.status === 'discarded') throw notADraft(draft);
      if (draft.status !== 'draft') throw alreadyReleased(draft);
      if (input.revision !== undefined && input.revision !== draft.revision) throw reviewedRevisionStale(draft, input.revision);
      // What the publisher believes they replace: said explicitly, or what was in force when the draft was started.
      const expected = input.supersedes !== undefined ? input.supersedes : draft.baseVersion;
      const outcome = await this.publishLocked(manager, policy, draft, expected, context, 'publish');
      await this.audit.append(manager, {
        actor: context.actor,
        action: 'policy.publish',
        target: `policy:${policyId}@${version}`,
        summary: this.auditSummary(outcome),
        requestId: context.requestId,
      });
      return outcome;
    });
    this.logPublished('published', result, started);
    return this.response(result);
  }

  /** Publishes a copy of a released version as a new version: same rules, same hash, a new number. */
  async rollback(
    policyId: string,
    target: number,
    input: { supersedes: number | undefined },
    context: PolicyWriteContext,
  ): Promise<PublishResultDto> {
    const started = Date.now();
    const result = await this.transactions.run(async (manager) => {
      const policy = await this.versions.lockPolicy(manager, policyId);
      if (!policy) throw policyNotFound(policyId);
      const original = await this.versions.findVersion(policyId, target, manager);
      if (!original) throw policyVersionNotFound(policyId, target);
      if (original.status === 'draft' || original.status === 'discarded') {
        throw DomainException.invalidRequest([
          {
            path: '/version',
            message: `v${target} is a ${original.status} draft that was never published; only a version that was in force can be rolled back to`,
          },
        ]);
      }
      const inForce = await this.versions.findPublished(manager, policyId);
      if (input.supersedes !== undefined && input.supersedes !== inForce?.version) {
        throw publishedMeanwhile({ policyId, version: target }, input.supersedes, inForce);
      }
      if (inForce?.version === target) {
        throw DomainException.invalidRequest([
          { path: '/version', message: `v${target} is the version in force; there is nothing to roll back` },
        ]);
      }
      const version = await this.versions.nextVersion(manager, policyId);
      const document = asVersion(original.document as Record<string, unknown>, policyId, version);
      await this.versions.insertVersion(manager, {
        policyId,
        version,
        status: 'draft',
        document,
        hash: null,
        lintFindings: lintPolicy(document),
        createdBy: context.actor,
        publishedAt: null,
        basedOn: target,
        baseVersion: inForce?.version ?? null,
        note: `rollback to v${target}`,
      });
      const draft = (await this.versions.lockVersion(manager, policyId, version))!;
      const outcome = await this.publishLocked(manager, policy, draft, inForce?.version ?? null, context, 'rollback');
      await this.audit.append(manager, {
        actor: context.actor,
        action: 'policy.rollback',
        target: `policy:${policyId}@${version}`,
        summary: { rolledBackTo: target, ...this.auditSummary(outcome) },
        requestId: context.requestId,
      });
      return outcome;
    });
    this.logPublished(`rolled back to v${target}`, result, started);
    return this.response(result);
  }

  /** With the policy and the draft locked: check, supersede, publish, record the run that re-grades. */
  private async publishLocked(
    manager: EntityManager,
    policy: PolicyEntity,
    draft: PolicyVersionEntity,
    expected: number | null,
    context: PolicyWriteContext,
    cause: RunCause,
  ): Promise<Publication> {
    const { policyId, version } = draft;
    const inForce = await this.versions.findPublished(manager, policyId);
    if ((inForce?.version ?? null) !== expected) throw publishedMeanwhile(draft, expected, inForce);
    // Lint again rather than trust the stored findings: lint itself may have become stricter since the last save.
    const findings = lintPolicy(draft.document);
    if (hasErrors(findings)) throw policyHasLintErrors(policyId, version, findings, 'be published');
    const compiled = compileLinted(draft.document);
    const hash = compiled.ref.hash;
    const grades = policy.grading;
    if (inForce && !(await this.versions.supersede(manager, policyId, inForce.version))) throw publishedMeanwhile(draft, expected, null);
    const published = await this.versions.markPublished(manager, {
      policyId,
      version,
      hash,
      lintFindings: findings,
      publishedBy: context.actor,
    });
    if (!published) throw alreadyReleased(draft);
    // After the supersession: a tier being set by hand meanwhile holds the old version's row, so
    // the update above waited for it, and this read sees it.
    if (grades) await this.pinned.refuseMissing(manager, { policyId, version }, compiled);
    // Customers are graded by the grading policy only; another policy's publication grades nobody.
    const runId = grades
      ? await this.runs.create(manager, {
          kind: 'grade',
          cause,
          policyId,
          policyVersion: version,
          policyHash: hash,
          filter: null,
          startedBy: context.actor,
        })
      : null;
    const row = (await this.versions.findVersion(policyId, version, manager))!;
    return { row, superseded: inForce?.version ?? null, runId, compiled };
  }

  private auditSummary(outcome: Publication): Record<string, unknown> {
    return {
      hash: outcome.row.hash,
      revision: outcome.row.revision,
      superseded: outcome.superseded,
      ...lintCounts(outcome.row.lintFindings),
      gradingRun: outcome.runId === null ? null : Number(outcome.runId),
    };
  }

  /** Committed: queue the run, and answer with it. */
  private async response(outcome: Publication): Promise<PublishResultDto> {
    // The next decision compiles nothing (the hash pins this document).
    this.cache.compile(outcome.row.policyId, outcome.row.version, outcome.row.document, outcome.row.hash);
    if (outcome.runId !== null) await this.runs.dispatch(outcome.runId);
    return {
      version: toVersionDto(outcome.row),
      superseded: outcome.superseded,
      gradingRun: outcome.runId === null ? null : { id: Number(outcome.runId) },
    };
  }

  private logPublished(what: string, outcome: Publication, started: number): void {
    this.logger.info(
      {
        policy: `${outcome.row.policyId}@${outcome.row.version}`,
        hash: outcome.row.hash,
        superseded: outcome.superseded,
        gradingRun: outcome.runId,
        ms: Date.now() - started,
      },
      `policy ${what}`,
    );
  }
}

interface Publication {
  row: PolicyVersionEntity;
  superseded: number | null;
  /** The grading run that re-grades the customers; null when the policy grades nobody. */
  runId: string | null;
  compiled: CompiledPolicy;
}

function compileLinted(document: unknown): CompiledPolicy {
  try {
    return compilePolicy(document);
  } catch (error) {
    // Linted clean just before; a lint error here would be a bug in the policy package.
    if (error instanceof PolicyLintError)
      throw new Error(`a policy that lints clean failed to compile: ${error.message}`, { cause: error });
    throw error;
  }
}
