import { Injectable } from '@nestjs/common';
import { customerChanges } from '../audit/audit-changes.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { decide } from '../grading/decide.js';
import { GradingService } from '../grading/grading.service.js';
import { ActivePolicyService } from '../policies/active-policy.service.js';
import type { CustomerListQuery } from './customer-list-query.js';
import { toCustomerDto } from './customer.mapper.js';
import { CustomersRepository } from './customers.repository.js';
import type { CustomerDto } from './dto/customer.dto.js';
import type { UpsertCustomerInput } from './dto/upsert-customer.input.js';
import { overrideForEvaluation } from './tier-override.js';

export interface WriteContext {
  actor: string;
  requestId: string;
  /** From If-Match: write only if the stored version is still this one. */
  expectedVersion?: number | undefined;
}

@Injectable()
export class CustomersService {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly policies: ActivePolicyService,
    private readonly grading: GradingService,
    private readonly audit: AuditRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async get(id: string): Promise<CustomerDto> {
    const view = await this.customers.findView(id);
    if (!view) throw DomainException.customerNotFound(id);
    return toCustomerDto(view);
  }

  async list(query: CustomerListQuery): Promise<{ items: CustomerDto[]; total: number }> {
    const { rows, total } = await this.customers.list(query);
    return { items: rows.map(toCustomerDto), total };
  }

  /**
   * Creates or replaces a customer and grades it with the active policy. The
   * facts are checked first, so a bad record writes nothing; the customer, its
   * decision, any tier change and the audit row then commit together.
   */
  async upsert(id: string, input: UpsertCustomerInput, context: WriteContext): Promise<{ customer: CustomerDto; created: boolean }> {
    const requested = await this.policies.active();
    const decided = decide(requested, id, input.facts);
    return this.transactions.run(async (manager) => {
      // The version in force first, as every writer takes its locks (policy, customer, decision):
      // a publication committed since deciding means deciding again, before anything is written.
      const policy = await this.grading.lockVersionInForce(manager, requested);
      const before = await this.customers.lockRecord(manager, id);
      const record = { id, ...input };
      const saved =
        context.expectedVersion === undefined
          ? await this.customers.upsert(manager, record)
          : await this.customers.updateIfVersion(manager, record, context.expectedVersion);
      if (!saved) throw await this.staleWrite(id, context.expectedVersion!);
      // A tier set by hand survives a change of facts: the score moves, the tier stays.
      const tierOverride = overrideForEvaluation(saved.tierOverride);
      const decision = policy === requested && tierOverride === null ? decided : decide(policy, id, input.facts, { tierOverride });
      const outcome = await this.grading.record(manager, {
        customerId: id,
        facts: input.facts,
        decision,
        policy,
        cause: 'fact-change',
        actor: context.actor,
        tierOverride,
      });
      // What was stored, which GradingService may have decided afresh.
      const stored = outcome.decision;
      await this.audit.append(manager, {
        actor: context.actor,
        action: saved.created ? 'customer.create' : 'customer.update',
        target: `customer:${id}`,
        summary: {
          version: saved.version,
          tier: stored.tier,
          previousTier: outcome.previousTier,
          policyVersion: outcome.policy.version,
          // What this PUT changed (an update only: a new customer's record is in its tier history).
          ...(before && !saved.created ? { changes: customerChanges(before, input) } : {}),
        },
        requestId: context.requestId,
      });
      const customer = toCustomerDto({
        ...saved,
        tier: stored.tier,
        score: stored.score,
        policyVersion: outcome.policy.version,
        gradedAt: outcome.gradedAt,
      });
      return { customer, created: saved.created };
    });
  }

  private async staleWrite(id: string, expected: number): Promise<DomainException> {
    if (!(await this.customers.exists(id))) return DomainException.customerNotFound(id);
    return new DomainException(
      ErrorCode.VersionConflict,
      `customer '${id}' is no longer at version ${expected}; read it again and reapply your change`,
    );
  }
}
