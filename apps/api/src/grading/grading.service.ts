import { Injectable } from '@nestjs/common';
import type { Decision, TierOverride } from '@tierwise/policy';
import type { EntityManager } from 'typeorm';
import { TierAssignmentRepository } from '../decisions/tier-assignment.repository.js';
import { ActivePolicyService } from '../policies/active-policy.service.js';
import type { PolicyInForce } from '../policies/policy-in-force.js';
import { PolicyVersionRepository } from '../policies/policy-version.repository.js';
import { TierHistoryRepository } from '../tier-history/tier-history.repository.js';
import { grade } from './decide.js';
import { DecisionLogRepository } from './decision-log.repository.js';
import type { GradingCause } from './grading-cause.js';
import { gradingInputs } from './grading-inputs.js';
import { assignmentOf, historyOf, logEntryOf, storedGrading } from './grading-rows.js';
import { gradingTime } from './grading-time.js';

export interface Grading {
  customerId: string;
  facts: Record<string, unknown>;
  /**
   * The caller's decision, made before its transaction (so bad facts fail before
   * anything is written). Not what is stored: that is decided again under the
   * customer's lock, with its standing and the grading time.
   */
  decision?: Decision;
  policy: PolicyInForce;
  cause: GradingCause;
  actor: string;
  /** The customer's tier set by hand, if any: a decision made afresh here must keep it too. */
  tierOverride?: TierOverride | null;
  /** The customer's population facts, for a policy that ranks customers against each other (a first grading in bulk). */
  populationFacts?: Record<string, number>;
}

export interface GradingOutcome {
  previousTier: string | null;
  tierChanged: boolean;
  gradedAt: Date;
  /** What was stored: decided under the version in force (a new one if it was published meanwhile) from the stored standing. */
  decision: Decision;
  policy: PolicyInForce;
}

/**
 * Grades and stores decisions: the current one in tier_assignments with the
 * customer's standing (downgrade protection reads it at the next grading), a
 * decision_log row for every change (as-of replay), and a tier_history row with
 * the evaluation's inputs whenever the tier changes (a first grading counts as a
 * change from none). Callers run it inside their transaction, with the customer row already written.
 */
@Injectable()
export class GradingService {
  constructor(
    private readonly assignments: TierAssignmentRepository,
    private readonly history: TierHistoryRepository,
    private readonly log: DecisionLogRepository,
    private readonly versions: PolicyVersionRepository,
    private readonly policies: ActivePolicyService,
  ) {}

  async record(manager: EntityManager, requested: Grading): Promise<GradingOutcome> {
    const policy = await this.lockVersionInForce(manager, requested.policy);
    const current = await this.assignments.lockCurrentTier(manager, requested.customerId);
    // After the lock: no grading that stored this customer's standing can be later than this one.
    const at = await gradingTime(manager);
    const inputs = gradingInputs(at, current?.standing, requested.tierOverride, requested.populationFacts);
    const grading = storedGrading(requested, policy, grade(policy, requested.customerId, requested.facts, inputs));
    const gradedAt = await this.assignments.upsert(manager, assignmentOf(grading));
    await this.log.append(manager, [logEntryOf(grading)]);
    const tierChanged = current === undefined || current.tier !== grading.decision.tier;
    if (tierChanged) await this.history.append(manager, [historyOf(grading, current?.tier ?? null)]);
    return { previousTier: current?.tier ?? null, tierChanged, gradedAt, decision: grading.decision, policy };
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

  /** First gradings of customers that have none yet (bootstrap), in bulk, at one grading time. */
  async recordFirst(manager: EntityManager, gradings: readonly Grading[]): Promise<void> {
    const at = await gradingTime(manager);
    const stored = gradings.map((requested) =>
      storedGrading(
        requested,
        requested.policy,
        grade(
          requested.policy,
          requested.customerId,
          requested.facts,
          gradingInputs(at, undefined, requested.tierOverride, requested.populationFacts),
        ),
      ),
    );
    await this.assignments.insertMany(manager, stored.map(assignmentOf));
    await this.log.append(manager, stored.map(logEntryOf));
    await this.history.append(
      manager,
      stored.map((grading) => historyOf(grading, null)),
    );
  }
}
