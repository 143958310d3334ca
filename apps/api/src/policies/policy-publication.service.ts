import { Inject, Injectable } from '@nestjs/common';
import { compilePolicy, hasErrors, lintPolicy, PolicyLintError, type CompiledPolicy } from '@tierwise/policy';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository.js';
import { DomainException } from '../common/domain.exception.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { RegradeService, type RegradeSummary } from '../grading/regrade.service.js';
import { LOGGER } from '../logging/logger.token.js';
import { CompiledPolicyCache } from './compiled-policy.cache.js';
import type { PublishInput } from './dto/policy-inputs.js';
import type { PublishResultDto } from './dto/policy.dto.js';
import { toVersionDto } from './policy.mapper.js';
import { ACTIVE_POLICY_ID } from './policy-ids.js';
import type { PolicyVersionEntity } from './policy-version.entity.js';
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
 * Publication and rollback. Each is ONE transaction: the policy row is locked
 * (publications of a policy queue up behind each other), the draft becomes the
 * version in force, the previous one is superseded, and every stored customer
 * is re-graded with the new version. So either all customers are graded by the
 * new version, with their tier history, or nothing changed at all; readers see
 * the old version until the commit. At 100k customers this holds the lock for
 * the length of the re-grade (seconds); moving the re-grade onto Bull later
 * makes it chunked jobs after a short publish transaction, and then decisions
 * are briefly mixed between two versions (each names its own, so that stays honest).
 */
@Injectable()
export class PolicyPublicationService {
  constructor(
    private readonly versions: PolicyVersionRepository,
    private readonly regrade: RegradeService,
    private readonly cache: CompiledPolicyCache,
    private readonly audit: AuditRepository,
    private readonly transactions: TransactionRunner,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async publish(policyId: string, version: number, input: PublishInput, context: PolicyWriteContext): Promise<PublishResultDto> {
    const started = Date.now();
    const result = await this.transactions.run(async (manager) => {
      if (!(await this.versions.lockPolicy(manager, policyId))) throw policyNotFound(policyId);
      const draft = await this.versions.lockVersion(manager, policyId, version);
      if (!draft) throw policyVersionNotFound(policyId, version);
      if (draft.status === 'discarded') throw notADraft(draft);
      if (draft.status !== 'draft') throw alreadyReleased(draft);
      if (input.revision !== undefined && input.revision !== draft.revision) throw reviewedRevisionStale(draft, input.revision);
      // What the publisher believes they replace: said explicitly, or what was in force when the draft was started.
      const expected = input.supersedes !== undefined ? input.supersedes : draft.baseVersion;
      const outcome = await this.publishLocked(manager, draft, expected, context);
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
      if (!(await this.versions.lockPolicy(manager, policyId))) throw policyNotFound(policyId);
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
      const outcome = await this.publishLocked(manager, draft, inForce?.version ?? null, context);
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

  /** With the policy and the draft locked: check, supersede, publish, re-grade. */
  private async publishLocked(
    manager: EntityManager,
    draft: PolicyVersionEntity,
    expected: number | null,
    context: PolicyWriteContext,
  ): Promise<Publication> {
    const { policyId, version } = draft;
    const inForce = await this.versions.findPublished(manager, policyId);
    if ((inForce?.version ?? null) !== expected) throw publishedMeanwhile(draft, expected, inForce);
    // Lint again rather than trust the stored findings: lint itself may have become stricter since the last save.
    const findings = lintPolicy(draft.document);
    if (hasErrors(findings)) throw policyHasLintErrors(policyId, version, findings, 'be published');
    const compiled = compileLinted(draft.document);
    const hash = compiled.ref.hash;
    if (inForce && !(await this.versions.supersede(manager, policyId, inForce.version))) throw publishedMeanwhile(draft, expected, null);
    const published = await this.versions.markPublished(manager, {
      policyId,
      version,
      hash,
      lintFindings: findings,
      publishedBy: context.actor,
    });
    if (!published) throw alreadyReleased(draft);
    // Customers are graded by the active policy only; another policy's publication grades nobody.
    const regrade =
      policyId === ACTIVE_POLICY_ID
        ? await this.regrade.regradeAll(manager, { policyId, version, hash, compiled }, { cause: 'policy-publish', actor: context.actor })
        : { customers: 0, tierChanges: 0, transitions: {}, tiers: {} };
    const row = (await this.versions.findVersion(policyId, version, manager))!;
    return { row, superseded: inForce?.version ?? null, regrade, compiled };
  }

  private auditSummary(outcome: Publication): Record<string, unknown> {
    return {
      hash: outcome.row.hash,
      revision: outcome.row.revision,
      superseded: outcome.superseded,
      ...lintCounts(outcome.row.lintFindings),
      customers: outcome.regrade.customers,
      tierChanges: outcome.regrade.tierChanges,
      transitions: outcome.regrade.transitions,
    };
  }

  private response(outcome: Publication): PublishResultDto {
    // Committed: the next decision compiles nothing (the hash pins this document).
    this.cache.compile(outcome.row.policyId, outcome.row.version, outcome.row.document, outcome.row.hash);
    return { version: toVersionDto(outcome.row), superseded: outcome.superseded, regrade: outcome.regrade };
  }

  private logPublished(what: string, outcome: Publication, started: number): void {
    this.logger.info(
      {
        policy: `${outcome.row.policyId}@${outcome.row.version}`,
        hash: outcome.row.hash,
        superseded: outcome.superseded,
        customers: outcome.regrade.customers,
        tierChanges: outcome.regrade.tierChanges,
        ms: Date.now() - started,
      },
      `policy ${what} and customers re-graded`,
    );
  }
}

interface Publication {
  row: PolicyVersionEntity;
  superseded: number | null;
  regrade: RegradeSummary;
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
