import { Injectable } from '@nestjs/common';
import type { Decision, TierOverride } from '@tierwise/policy';
import type { EntityManager } from 'typeorm';
import { TierAssignmentRepository } from '../decisions/tier-assignment.repository.js';
import { ActivePolicyService } from '../policies/active-policy.service.js';
import type { PolicyInForce } from '../policies/policy-in-force.js';
import { PolicyVersionRepository } from '../policies/policy-version.repository.js';
import { TierHistoryRepository } from '../tier-history/tier-history.repository.js';
import { decide } from './decide.js';
import type { GradingCause } from './grading-cause.js';
import { assignmentOf, historyOf } from './grading-rows.js';

export interface Grading {
  customerId: string;
  facts: Record<string, unknown>;
  decision: Decision;
  policy: PolicyInForce;
  cause: GradingCause;
  actor: string;
  /** The customer's tier set by hand, if any: a decision made afresh here must keep it too. */
  tierOverride?: TierOverride | null;
}

export interface GradingOutcome {
  previousTier: string | null;
  tierChanged: boolean;
  gradedAt: Date;
  /** What was stored: the caller's decision, or a fresh one if a new version was published meanwhile. */
  decision: Decision;
  policy: PolicyInForce;
}

/**
 * Stores decisions: the current one in tier_assignments, and a tier_history row
 * whenever the tier changes (a first grading counts as a change from none).
 * Callers run it inside their transaction, with the customer row already written.
 */
@Injectable()
export class GradingService {
  constructor(
    private readonly assignments: TierAssignmentRepository,
    private readonly history: TierHistoryRepository,
    private readonly versions: PolicyVersionRepository,
    private readonly policies: ActivePolicyService,
  ) {}

  async record(manager: EntityManager, requested: Grading): Promise<GradingOutcome> {
    const grading = await this.underVersionInForce(manager, requested);
    const current = await this.assignments.lockCurrentTier(manager, grading.customerId);
    const gradedAt = await this.assignments.upsert(manager, assignmentOf(grading));
    const tierChanged = current === undefined || current.tier !== grading.decision.tier;
    if (tierChanged) await this.history.append(manager, [historyOf(grading, current?.tier ?? null)]);
    return { previousTier: current?.tier ?? null, tierChanged, gradedAt, decision: grading.decision, policy: grading.policy };
  }

  /**
   * The version in force, share-locked until the caller's transaction ends.
   * Callers decide before their transaction begins, and a publication (or a
   * switch of the grading policy) may commit in between (its re-grade cannot
   * have seen their new facts). With this lock the order is settled: while
   * `expected` is still in force and its policy still grades, a publication or
   * switch waits for the caller (and its run re-grades what it wrote); otherwise
   * the version in force now is returned and the caller must decide again.
   * Bulk writers (the import) call it once at the start of their transaction.
   */
  async lockVersionInForce(manager: EntityManager, expected: PolicyInForce): Promise<PolicyInForce> {
    const inForce = await this.versions.lockGradingRef(manager, expected.policyId);
    if (inForce?.grading && inForce.version === expected.version) return expected;
    return this.policies.active();
  }

  private async underVersionInForce(manager: EntityManager, grading: Grading): Promise<Grading> {
    const policy = await this.lockVersionInForce(manager, grading.policy);
    if (policy === grading.policy) return grading;
    return { ...grading, policy, decision: decide(policy, grading.customerId, grading.facts, { tierOverride: grading.tierOverride }) };
  }

  /** First gradings of customers that have none yet (bootstrap), in bulk. */
  async recordFirst(manager: EntityManager, gradings: readonly Grading[]): Promise<void> {
    await this.assignments.insertMany(manager, gradings.map(assignmentOf));
    await this.history.append(
      manager,
      gradings.map((grading) => historyOf(grading, null)),
    );
  }
}
