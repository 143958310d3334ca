import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { changesBetween, type Changes } from '../audit/audit-changes.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { SYSTEM_ACTOR } from '../common/actor.js';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { StoredDecisionDto } from '../decisions/dto/stored-decision.dto.js';
import { decide } from '../grading/decide.js';
import { GradingService, type GradingOutcome } from '../grading/grading.service.js';
import { ActivePolicyService } from '../policies/active-policy.service.js';
import type { PolicyInForce } from '../policies/policy-in-force.js';
import { CustomersRepository } from './customers.repository.js';
import type { TierOverrideInput } from './dto/tier-override.input.js';
import type { StoredTierOverride } from './tier-override.js';

export interface OverrideContext {
  actor: string;
  requestId: string;
}

// What clearing an override works on: the customer row, locked, and the version in force, locked too.
interface Clearing {
  id: string;
  policy: PolicyInForce;
  facts: Record<string, unknown>;
  cleared: StoredTierOverride;
}

/**
 * Tiers set by hand. Setting or clearing one re-grades the customer at once
 * (cause 'manual-override'), with a tier history row when the tier moves and an
 * audit event either way, all in one transaction. Every later grading (a fact
 * change, an import, a publication) reads the override and keeps the tier.
 * One set with an expiresAt is cleared by the system once it has passed (ExpireOverridesJob).
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
      const tierOverride = { tier: input.tier, reason: input.reason };
      const decision = decide(policy, id, customer.facts, { tierOverride, overrideTierPath: '/tier' });
      const saved = await this.customers.writeTierOverride(manager, id, { ...input, by: context.actor });
      const outcome = await this.grading.record(manager, {
        customerId: id,
        facts: customer.facts,
        decision,
        policy,
        cause: 'manual-override',
        actor: context.actor,
        tierOverride,
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
      const clearing = { id, policy, facts: customer.facts, cleared };
      return storedDecision(await this.clearLocked(manager, clearing, { ...context, expired: false }));
    });
  }

  /**
   * Clears the customer's override if it has expired, as a DELETE by the system
   * would: re-graded under the version in force, a history row if the tier moves,
   * an audit event. False when there is nothing to clear (already cleared, replaced
   * by an override that has not expired, or held by another transaction right
   * now); so two runs at once clear it once, and a replacement is never lost.
   */
  async expire(id: string): Promise<boolean> {
    const requested = await this.policies.active();
    return this.transactions.run(async (manager) => {
      const policy = await this.grading.lockVersionInForce(manager, requested);
      const customer = await this.customers.lockExpiredOverride(manager, id);
      if (!customer) return false;
      const clearing = { id, policy, facts: customer.facts, cleared: customer.tierOverride };
      await this.clearLocked(manager, clearing, { actor: SYSTEM_ACTOR, requestId: null, expired: true });
      return true;
    });
  }

  // Back to the rules, with the row and the version already locked (in the order every writer takes them).
  private async clearLocked(
    manager: EntityManager,
    { id, policy, facts, cleared }: Clearing,
    context: { actor: string; requestId: string | null; expired: boolean },
  ): Promise<GradingOutcome> {
    const decision = decide(policy, id, facts);
    const saved = await this.customers.writeTierOverride(manager, id, null);
    const outcome = await this.grading.record(manager, {
      customerId: id,
      facts,
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
        // Cleared because its time was up, rather than by someone.
        ...(context.expired ? { expired: true } : {}),
        changes: overrideChanges(cleared, null, outcome.previousTier, outcome.decision.tier),
        version: saved.version,
        policyVersion: outcome.policy.version,
      },
      requestId: context.requestId,
    });
    return outcome;
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
