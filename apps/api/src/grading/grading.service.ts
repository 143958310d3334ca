import { Injectable } from '@nestjs/common';
import type { Decision } from '@tierwise/policy';
import type { EntityManager } from 'typeorm';
import { TierAssignmentRepository, type NewTierAssignment } from '../decisions/tier-assignment.repository.js';
import type { PolicyInForce } from '../policies/policy-in-force.js';
import { TierHistoryRepository, type NewTierHistory } from '../tier-history/tier-history.repository.js';
import type { GradingCause } from './grading-cause.js';

export interface Grading {
  customerId: string;
  facts: Record<string, unknown>;
  decision: Decision;
  policy: PolicyInForce;
  cause: GradingCause;
  actor: string;
}

export interface GradingOutcome {
  previousTier: string | null;
  tierChanged: boolean;
  gradedAt: Date;
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
  ) {}

  async record(manager: EntityManager, grading: Grading): Promise<GradingOutcome> {
    const current = await this.assignments.lockCurrentTier(manager, grading.customerId);
    const gradedAt = await this.assignments.upsert(manager, assignmentOf(grading));
    const tierChanged = current === undefined || current.tier !== grading.decision.tier;
    if (tierChanged) await this.history.append(manager, [historyOf(grading, current?.tier ?? null)]);
    return { previousTier: current?.tier ?? null, tierChanged, gradedAt };
  }

  /** First gradings of customers that have none yet (bootstrap), in bulk. */
  async recordFirst(manager: EntityManager, gradings: readonly Grading[]): Promise<void> {
    await this.assignments.insertMany(manager, gradings.map(assignmentOf));
    await this.history.append(manager, gradings.map((grading) => historyOf(grading, null)));
  }
}

function pinnedHash(policy: PolicyInForce): string {
  // Only a released version grades stored customers; a draft is for what-ifs.
  if (policy.hash === null) throw new Error(`policy ${policy.policyId} v${policy.version} is a draft and cannot grade stored customers`);
  return policy.hash;
}

function assignmentOf(grading: Grading): NewTierAssignment {
  return {
    customerId: grading.customerId,
    decision: grading.decision,
    tier: grading.decision.tier,
    score: grading.decision.score,
    policyId: grading.policy.policyId,
    policyVersion: grading.policy.version,
    policyHash: pinnedHash(grading.policy),
    cause: grading.cause,
  };
}

function historyOf(grading: Grading, previousTier: string | null): NewTierHistory {
  return {
    customerId: grading.customerId,
    previousTier,
    newTier: grading.decision.tier,
    score: grading.decision.score,
    policyId: grading.policy.policyId,
    policyVersion: grading.policy.version,
    policyHash: pinnedHash(grading.policy),
    facts: grading.facts,
    cause: grading.cause,
    actor: grading.actor,
  };
}
