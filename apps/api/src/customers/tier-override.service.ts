import { Injectable } from '@nestjs/common';
import { changesBetween, type Changes } from '../audit/audit-changes.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { StoredDecisionDto } from '../decisions/dto/stored-decision.dto.js';
import { decide } from '../grading/decide.js';
import { GradingService, type GradingOutcome } from '../grading/grading.service.js';
import { ActivePolicyService } from '../policies/active-policy.service.js';
import { CustomersRepository } from './customers.repository.js';
import type { TierOverrideInput } from './dto/tier-override.input.js';
import type { StoredTierOverride } from './tier-override.js';

export interface OverrideContext {
  actor: string;
  requestId: string;
}

/**
 * Tiers set by hand. Setting or clearing one re-grades the customer at once
 * (cause 'manual-override'), with a tier history row when the tier moves and an
 * audit event either way, all in one transaction. Every later grading (a fact
 * change, an import, a publication) reads the override and keeps the tier.
 */
@Injectable()
export class TierOverrideService {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly policies: ActivePolicyService,
    private readonly grading: GradingService,
    private readonly audit: AuditRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async set(id: string, input: TierOverrideInput, context: OverrideContext): Promise<StoredDecisionDto> {
    const requested = await this.policies.active();
    return this.transactions.run(async (manager) => {
      // The locks in the order every writer takes them: version in force, customer, decision.
      // A publication waits for this transaction, and then checks the pinned tier against its version.
      const policy = await this.grading.lockVersionInForce(manager, requested);
      const customer = await this.customers.lockForGrading(manager, id);
      if (!customer) throw DomainException.customerNotFound(id);
      const decision = decide(policy, id, customer.facts, { tierOverride: input, overrideTierPath: '/tier' });
      const saved = await this.customers.writeTierOverride(manager, id, { ...input, by: context.actor });
      const outcome = await this.grading.record(manager, {
        customerId: id,
        facts: customer.facts,
        decision,
        policy,
        cause: 'manual-override',
        actor: context.actor,
        tierOverride: input,
      });
      await this.audit.append(manager, {
        actor: context.actor,
        action: 'customer.tier-override.set',
        target: `customer:${id}`,
        summary: {
          previousTier: outcome.previousTier,
          tier: outcome.decision.tier,
          reason: input.reason,
          previousOverride: customer.tierOverride,
          changes: overrideChanges(customer.tierOverride, saved.tierOverride, outcome.previousTier, outcome.decision.tier),
          version: saved.version,
          policyVersion: outcome.policy.version,
        },
        requestId: context.requestId,
      });
      return storedDecision(outcome);
    });
  }

  /** Back to the rules. Clearing a customer with no tier set by hand changes nothing and answers its decision. */
  async clear(id: string, context: OverrideContext): Promise<StoredDecisionDto> {
    const requested = await this.policies.active();
    return this.transactions.run(async (manager) => {
      const policy = await this.grading.lockVersionInForce(manager, requested);
      const customer = await this.customers.lockForGrading(manager, id);
      if (!customer) throw DomainException.customerNotFound(id);
      const cleared = customer.tierOverride;
      if (cleared === null) {
        const current = await this.customers.storedDecision(manager, id);
        if (current) return current;
        throw new DomainException(ErrorCode.DecisionNotFound, `customer '${id}' has not been graded yet`);
      }
      const decision = decide(policy, id, customer.facts);
      const saved = await this.customers.writeTierOverride(manager, id, null);
      const outcome = await this.grading.record(manager, {
        customerId: id,
        facts: customer.facts,
        decision,
        policy,
        cause: 'manual-override',
        actor: context.actor,
        tierOverride: null,
      });
      await this.audit.append(manager, {
        actor: context.actor,
        action: 'customer.tier-override.clear',
        target: `customer:${id}`,
        summary: {
          previousTier: outcome.previousTier,
          tier: outcome.decision.tier,
          reason: cleared.reason,
          clearedOverride: cleared,
          changes: overrideChanges(cleared, null, outcome.previousTier, outcome.decision.tier),
          version: saved.version,
          policyVersion: outcome.policy.version,
        },
        requestId: context.requestId,
      });
      return storedDecision(outcome);
    });
  }
}

// The tier set by hand and the tier in force, before and after, as every audited update records them.
function overrideChanges(
  before: StoredTierOverride | null,
  after: StoredTierOverride | null,
  previousTier: string | null,
  tier: string | null,
): Changes {
  return changesBetween({ tierOverride: before, tier: previousTier }, { tierOverride: after, tier });
}

// The shape GET /decisions/:id serves, built from what was just stored (the same gradedAt, to the millisecond).
function storedDecision(outcome: GradingOutcome): StoredDecisionDto {
  return { id: outcome.decision.customerId!, ...outcome.decision, gradedAt: outcome.gradedAt.toISOString(), cause: 'manual-override' };
}
