import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  checkSchema,
  compilePolicy,
  diffPolicies,
  lintPolicy,
  PolicyLintError,
  trace,
  type CompiledPolicy,
  type Finding,
  type Label,
  type PolicyDocument,
  type TierOverride,
} from '@tierwise/policy';
import { AuditRepository } from '../audit/audit.repository.js';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import { isPlainObject } from '../common/request-shape.js';
import { isUniqueViolation } from '../common/unique-violation.js';
import { CustomersRepository } from '../customers/customers.repository.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { CompiledPolicyCache } from './compiled-policy.cache.js';
import type { CreateDraftInput, CreatePolicyInput, DraftSource, PolicyTestInput, UpdateDraftInput } from './dto/policy-inputs.js';
import type { PolicyDiffDto, PolicyDto, PolicyTestResultDto, PolicyVersionDto, PolicyVersionSummaryDto } from './dto/policy.dto.js';
import { toPolicyDto, toVersionDto, toVersionSummaryDto } from './policy.mapper.js';
import type { PolicyVersionEntity } from './policy-version.entity.js';
import type { PolicyEntity } from './policy.entity.js';
import { PolicyVersionRepository, type VersionListQuery } from './policy-version.repository.js';
import {
  draftConflict,
  notADraft,
  policyHasLintErrors,
  policyNeedsPopulation,
  policyExists,
  policyNotFound,
  policyVersionNotFound,
} from './policy.exception.js';

export interface PolicyWriteContext {
  actor: string;
  requestId: string;
}

/** Reading policies and their versions, editing drafts, testing and comparing versions. Publication is PolicyPublicationService. */
@Injectable()
export class PolicyVersionsService {
  constructor(
    private readonly versions: PolicyVersionRepository,
    private readonly customers: CustomersRepository,
    private readonly cache: CompiledPolicyCache,
    private readonly audit: AuditRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async listPolicies(): Promise<PolicyDto[]> {
    return (await this.versions.listPolicies()).map(toPolicyDto);
  }

  async getPolicy(policyId: string): Promise<PolicyDto> {
    const policy = (await this.versions.listPolicies()).find((candidate) => candidate.id === policyId);
    if (!policy) throw policyNotFound(policyId);
    return toPolicyDto(policy);
  }

  async listVersions(policyId: string, query: VersionListQuery): Promise<{ items: PolicyVersionSummaryDto[]; total: number }> {
    await this.requirePolicy(policyId);
    const { rows, total } = await this.versions.listVersions(policyId, query);
    return { items: rows.map(toVersionSummaryDto), total };
  }

  async getVersion(policyId: string, version: number): Promise<PolicyVersionDto> {
    return toVersionDto(await this.requireVersion(policyId, version));
  }

  /**
   * A new draft, numbered after every existing version: empty (a skeleton to
   * fill in), from an uploaded document, or a copy of any version. Lint runs
   * and its findings are stored; a draft may have errors, it just cannot be published.
   */
  async createDraft(policyId: string, input: CreateDraftInput, context: PolicyWriteContext): Promise<PolicyVersionDto> {
    return this.transactions.run(async (manager) => {
      const policy = await this.versions.lockPolicy(manager, policyId);
      if (!policy) throw policyNotFound(policyId);
      const version = await this.insertDraft(manager, policy, input, context);
      return toVersionDto((await this.versions.findVersion(policyId, version, manager))!);
    });
  }

  /**
   * A new policy, with version 1 as a draft (the document given, or an empty skeleton). It grades
   * nobody until a publisher makes it the grading policy; any version of it can be simulated at once.
   */
  async createPolicy(input: CreatePolicyInput, context: PolicyWriteContext): Promise<PolicyDto> {
    await this.transactions.run(async (manager) => {
      if (await this.versions.lockPolicy(manager, input.id)) throw policyExists(input.id);
      const documentName = input.document?.['name'];
      const name =
        input.name ??
        (isPlainObject(documentName) && typeof documentName['en'] === 'string' ? (documentName as unknown as Label) : { en: input.id });
      await this.versions.insertPolicy(manager, { id: input.id, name }).catch((error: unknown) => {
        // Two creations of one id at once: the primary key decides.
        if (isUniqueViolation(error)) throw policyExists(input.id);
        throw error;
      });
      await this.audit.append(manager, {
        actor: context.actor,
        action: 'policy.create',
        target: `policy:${input.id}`,
        summary: { name, source: input.document ? 'document' : 'empty' },
        requestId: context.requestId,
      });
      const policy = (await this.versions.lockPolicy(manager, input.id))!;
      const source: DraftSource = input.document ? { kind: 'document', document: input.document } : { kind: 'empty' };
      await this.insertDraft(manager, policy, { source, note: null }, context);
    });
    return this.getPolicy(input.id);
  }

  /** Inserts the next version of a locked policy as a draft, with its lint findings and audit event; its number. */
  private async insertDraft(
    manager: EntityManager,
    policy: PolicyEntity,
    input: CreateDraftInput,
    context: PolicyWriteContext,
  ): Promise<number> {
    const policyId = policy.id;
    const version = await this.versions.nextVersion(manager, policyId);
    let source: Record<string, unknown>;
    let basedOn: number | null = null;
    if (input.source.kind === 'document') source = input.source.document;
    else if (input.source.kind === 'copy') {
      const original = await this.versions.findVersion(policyId, input.source.version, manager);
      if (!original) {
        throw DomainException.invalidRequest([
          { path: '/copyOf', message: `policy '${policyId}' has no version ${input.source.version} to copy` },
        ]);
      }
      source = original.document as Record<string, unknown>;
      basedOn = original.version;
    } else source = skeleton(policy.name);
    const document = asVersion(source, policyId, version);
    const lintFindings = lintPolicy(document);
    const inForce = await this.versions.findPublishedRef(policyId, manager);
    await this.versions.insertVersion(manager, {
      policyId,
      version,
      status: 'draft',
      document,
      hash: null,
      lintFindings,
      createdBy: context.actor,
      publishedAt: null,
      basedOn,
      baseVersion: inForce?.version ?? null,
      note: input.note ?? (basedOn !== null ? `copy of v${basedOn}` : null),
    });
    await this.audit.append(manager, {
      actor: context.actor,
      action: 'policy.draft.create',
      target: `policy:${policyId}@${version}`,
      summary: { source: input.source.kind, basedOn, baseVersion: inForce?.version ?? null, revision: 1, ...lintCounts(lintFindings) },
      requestId: context.requestId,
    });
    return version;
  }

  /** Saves a draft if nobody saved it since `input.revision`; otherwise 409 and nothing is written. */
  async updateDraft(policyId: string, version: number, input: UpdateDraftInput, context: PolicyWriteContext): Promise<PolicyVersionDto> {
    return this.transactions.run(async (manager) => {
      const row = await this.versions.lockVersion(manager, policyId, version);
      if (!row) throw await this.missingVersion(policyId, version);
      if (row.status !== 'draft') throw notADraft(row);
      if (row.revision !== input.revision) throw draftConflict(row, input.revision);
      const document = asVersion(input.document, policyId, version);
      const lintFindings = lintPolicy(document);
      const saved = await this.versions.updateDraft(manager, {
        policyId,
        version,
        expectedRevision: input.revision,
        document,
        lintFindings,
        note: input.note,
        updatedBy: context.actor,
      });
      // The row is locked, so this cannot happen; if it ever does, refuse rather than guess.
      if (!saved) throw draftConflict(row, input.revision);
      await this.audit.append(manager, {
        actor: context.actor,
        action: 'policy.draft.update',
        target: `policy:${policyId}@${version}`,
        summary: {
          before: { revision: row.revision, ...lintCounts(row.lintFindings) },
          after: { revision: row.revision + 1, ...lintCounts(lintFindings) },
        },
        requestId: context.requestId,
      });
      return toVersionDto((await this.versions.findVersion(policyId, version, manager))!);
    });
  }

  /**
   * Sets a draft aside (DELETE): it stays listed as discarded, frozen, so its
   * number is never handed out again and the audit trail keeps pointing at it.
   */
  async discardDraft(
    policyId: string,
    version: number,
    expectedRevision: number | undefined,
    context: PolicyWriteContext,
  ): Promise<PolicyVersionDto> {
    return this.transactions.run(async (manager) => {
      const row = await this.versions.lockVersion(manager, policyId, version);
      if (!row) throw await this.missingVersion(policyId, version);
      if (row.status !== 'draft') throw notADraft(row);
      const revision = expectedRevision ?? row.revision;
      if (row.revision !== revision) throw draftConflict(row, revision);
      if (!(await this.versions.discardDraft(manager, { policyId, version, expectedRevision: revision, updatedBy: context.actor }))) {
        throw draftConflict(row, revision);
      }
      await this.audit.append(manager, {
        actor: context.actor,
        action: 'policy.draft.delete',
        target: `policy:${policyId}@${version}`,
        summary: { before: { status: 'draft', revision: row.revision }, after: { status: 'discarded', revision: row.revision + 1 } },
        requestId: context.requestId,
      });
      return toVersionDto((await this.versions.findVersion(policyId, version, manager))!);
    });
  }

  /**
   * Evaluates any version (drafts included) for given facts or a stored
   * customer, through json-rules-engine, with every condition's outcome. Nothing is stored.
   */
  async test(policyId: string, version: number, input: PolicyTestInput): Promise<PolicyTestResultDto> {
    const row = await this.requireVersion(policyId, version);
    const compiled = this.compile(row, 'be tested');
    if (compiled.population.size > 0) throw policyNeedsPopulation(policyId, version);
    let record: Record<string, unknown>;
    let who: string;
    let tierOverride: TierOverride | undefined;
    if (input.kind === 'customer') {
      const customer = await this.customers.findView(input.customerId);
      if (!customer) throw DomainException.customerNotFound(input.customerId);
      record = { ...customer.facts, customerId: customer.id };
      who = `customer '${customer.id}'`;
      // A stored customer is tested as publishing would grade it: a tier set by hand stays.
      if (customer.tierOverride) tierOverride = { tier: customer.tierOverride.tier, reason: customer.tierOverride.reason };
    } else {
      record = input.facts;
      who = 'the facts';
    }
    const traced = await trace(compiled, record, tierOverride ? { tierOverride } : {});
    if (!traced.ok && tierOverride && traced.errors.some((error) => error.path.startsWith('/tierOverride'))) {
      throw new DomainException(
        ErrorCode.UnknownTier,
        `${who} is kept in tier ${tierOverride.tier} by hand, which policy '${policyId}' v${version} does not have; ` +
          'publishing it would be refused until that override is cleared',
        [{ path: '/customerId', message: `tier '${tierOverride.tier}' set by hand is not a tier of v${version}` }],
      );
    }
    if (!traced.ok) {
      const errors = traced.errors.map((error) => ({ path: `/facts${error.path}`, message: error.message }));
      throw new DomainException(
        ErrorCode.InvalidFacts,
        `${who} cannot be graded by policy '${policyId}' v${version}: ${errors.length} fact(s) do not fit its catalogue`,
        errors,
      );
    }
    return {
      policyId,
      version,
      status: row.status,
      decision: traced.decision,
      trace: traced.trace,
      warnings: row.lintFindings.filter((finding) => finding.severity === 'warning'),
    };
  }

  /** What changed from one version to another: the structural diff and the plain-language summary. */
  async diff(policyId: string, from: number, to: number): Promise<PolicyDiffDto> {
    const [before, after] = [await this.requireVersion(policyId, from), await this.requireVersion(policyId, to)];
    for (const row of [before, after]) {
      // The summary reads the policy's structure; a draft that is not yet a policy has none to compare.
      const shape = checkSchema(row.document);
      if (shape.length > 0) throw policyHasLintErrors(policyId, row.version, shape, 'be compared until it is a complete policy');
    }
    const diff = diffPolicies(before.document as PolicyDocument, after.document as PolicyDocument);
    return { policyId, from, to, changes: diff.changes, summary: diff.summary };
  }

  /** A version compiled for evaluation: drafts each time (they change), released versions once (pinned by hash). */
  compile(row: PolicyVersionEntity, doing: string): CompiledPolicy {
    try {
      if (row.status === 'draft') return compilePolicy(row.document);
      return this.cache.compile(row.policyId, row.version, row.document, row.hash);
    } catch (error) {
      if (error instanceof PolicyLintError) throw policyHasLintErrors(row.policyId, row.version, error.findings, doing);
      throw error;
    }
  }

  private async requirePolicy(policyId: string): Promise<void> {
    if (!(await this.versions.findPolicy(policyId))) throw policyNotFound(policyId);
  }

  private async requireVersion(policyId: string, version: number): Promise<PolicyVersionEntity> {
    const row = await this.versions.findVersion(policyId, version);
    if (!row) throw await this.missingVersion(policyId, version);
    return row;
  }

  private async missingVersion(policyId: string, version: number): Promise<DomainException> {
    return (await this.versions.findPolicy(policyId)) ? policyVersionNotFound(policyId, version) : policyNotFound(policyId);
  }
}

/** The document as version `version` of `policyId`, whatever the upload said (`version` is not part of the hash). */
export function asVersion(document: Record<string, unknown>, policyId: string, version: number): Record<string, unknown> {
  return { ...document, id: policyId, version };
}

export function lintCounts(findings: readonly Finding[]): { lintErrors: number; lintWarnings: number } {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return { lintErrors: errors, lintWarnings: findings.length - errors };
}

// An empty draft: the parts every policy has, for the author to fill in. Lint
// says what is missing (at least one fact) until they do.
function skeleton(name: PolicyDocument['name']): Record<string, unknown> {
  return {
    name,
    facts: {},
    grading: { tiers: [{ id: 'A', label: { en: 'All customers', zh: '全部客户' } }] },
    treatments: [],
  };
}
