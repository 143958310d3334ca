import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from '../../audit/audit.repository.js';
import { chunks } from '../../database/chunks.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { GradingService, type Grading } from '../../grading/grading.service.js';
import { ActivePolicyService } from '../../policies/active-policy.service.js';
import type { PolicyInForce } from '../../policies/policy-in-force.js';
import { policyNeedsPopulation } from '../../policies/policy.exception.js';
import { CustomersRepository } from '../customers.repository.js';
import { overrideForEvaluation } from '../tier-override.js';
import type { ImportResultDto } from '../dto/import-result.dto.js';
import type { ImportFormat } from './import-format.js';
import { ImportGradingWriter } from './import-grading.writer.js';
import { ImportedIds } from './imported-ids.js';
import { IMPORT_CHUNK } from './import-limits.js';
import type { ImportRow } from './import-row.js';
import { readImport, recheckImport } from './read-import.js';

export interface ImportContext {
  actor: string;
  requestId: string;
  format: ImportFormat;
}

@Injectable()
export class CustomersImportService {
  constructor(
    private readonly policies: ActivePolicyService,
    private readonly inForce: GradingService,
    private readonly customers: CustomersRepository,
    private readonly grading: ImportGradingWriter,
    private readonly audit: AuditRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  /**
   * All or nothing: every row is checked against the policy in force while the
   * body streams in, and only if all pass are the customers written and graded,
   * in one transaction with one audit event.
   */
  async import(body: AsyncIterable<Buffer | string>, context: ImportContext): Promise<ImportResultDto> {
    const policy = await this.policies.active();
    // As for a single PUT: ranking against "everyone" would mean everyone in this file.
    if (policy.compiled.population.size > 0) throw policyNeedsPopulation(policy.policyId, policy.version);
    const rows = await readImport(body, context.format, policy.compiled.catalogue);
    return this.write(rows, policy, context);
  }

  private write(rows: ImportRow[], requested: PolicyInForce, context: ImportContext): Promise<ImportResultDto> {
    // Id order: two imports touching the same customers lock them in the same order.
    const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return this.transactions.run(async (manager) => {
      const policy = await this.policyInForce(manager, requested, rows);
      return this.writeUnder(manager, sorted, policy, context);
    });
  }

  /**
   * The file was checked against `requested` before this transaction began; a
   * publication may have committed since, and its re-grade cannot have seen
   * these rows. Share-locking the version in force settles the order, as for
   * one customer's save: while `requested` is still in force,
   * a publication waits for this import (and then re-grades what it wrote);
   * if another version is in force, the rows are checked and graded under it.
   */
  private async policyInForce(manager: EntityManager, requested: PolicyInForce, rows: readonly ImportRow[]): Promise<PolicyInForce> {
    const policy = await this.inForce.lockVersionInForce(manager, requested);
    if (policy === requested) return requested;
    if (policy.compiled.population.size > 0) throw policyNeedsPopulation(policy.policyId, policy.version);
    recheckImport(rows, policy.compiled.catalogue, policy.version);
    return policy;
  }

  private async writeUnder(
    manager: EntityManager,
    sorted: readonly ImportRow[],
    policy: PolicyInForce,
    context: ImportContext,
  ): Promise<ImportResultDto> {
    const result: ImportResultDto = {
      imported: sorted.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      tierChanges: 0,
      tiers: {},
      policy: { id: policy.policyId, version: policy.version, hash: policy.hash! },
    };
    const touched = new ImportedIds();
    for (const chunk of chunks(sorted, IMPORT_CHUNK)) {
      const written = await this.customers.upsertMany(manager, chunk);
      touched.add(written);
      const created = written.filter((row) => row.created).length;
      const writtenIds = new Set(written.map((row) => row.id));
      const unchanged = new Set(chunk.filter((row) => !writtenIds.has(row.id)).map((row) => row.id));
      result.created += created;
      result.updated += written.length - created;
      result.unchanged += chunk.length - written.length;
      // Tiers set by hand survive an import as they survive a PUT of one customer.
      const overrides = await this.customers.lockTierOverrides(
        manager,
        chunk.map((row) => row.id),
      );
      const gradings = chunk.map((row): Grading => {
        const tierOverride = overrideForEvaluation(overrides.get(row.id));
        return {
          customerId: row.id,
          facts: row.facts,
          policy,
          cause: 'fact-change',
          actor: context.actor,
          tierOverride,
        };
      });
      // Decided in the writer, under the customers' locks, from their standings.
      const recorded = await this.grading.record(manager, gradings, unchanged);
      result.tierChanges += recorded.tierChanges;
      for (const [tier, count] of Object.entries(recorded.tiers)) result.tiers[tier] = (result.tiers[tier] ?? 0) + count;
    }
    const { policy: ref, ...counts } = result;
    await this.audit.append(manager, {
      actor: context.actor,
      action: 'customers.import',
      target: 'customers',
      summary: { ...counts, format: context.format, policyId: ref.id, policyVersion: ref.version, ...touched.summary() },
      requestId: context.requestId,
    });
    return result;
  }
}
