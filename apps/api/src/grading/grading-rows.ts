import type { NewTierAssignment } from '../decisions/tier-assignment.repository.js';
import type { PolicyInForce } from '../policies/policy-in-force.js';
import type { NewTierHistory } from '../tier-history/tier-history.repository.js';
import type { Graded } from './decide.js';
import type { DecisionLogEntry } from './decision-log.repository.js';
import type { GradingCause } from './grading-cause.js';

// The rows one grading writes: the current decision, its decision-log entry and,
// when the tier changed, a tier-history entry. Shared by every writer (one customer, bulk import).

/** One customer's grading as it is stored: who, under which version, why, and what the evaluation gave. */
export interface StoredGrading extends Graded {
  customerId: string;
  facts: Record<string, unknown>;
  policy: PolicyInForce;
  cause: GradingCause;
  actor: string;
}

export function storedGrading(
  { customerId, facts, cause, actor }: Pick<StoredGrading, 'customerId' | 'facts' | 'cause' | 'actor'>,
  policy: PolicyInForce,
  graded: Graded,
): StoredGrading {
  return { customerId, facts, cause, actor, policy, ...graded };
}

export function pinnedHash(policy: PolicyInForce): string {
  // Only a released version grades stored customers; a draft is for what-ifs.
  if (policy.hash === null) throw new Error(`policy ${policy.policyId} v${policy.version} is a draft and cannot grade stored customers`);
  return policy.hash;
}

export function assignmentOf(grading: StoredGrading): NewTierAssignment {
  return {
    customerId: grading.customerId,
    decision: grading.decision,
    tier: grading.decision.tier,
    score: grading.decision.score,
    policyId: grading.policy.policyId,
    policyVersion: grading.policy.version,
    policyHash: pinnedHash(grading.policy),
    cause: grading.cause,
    gradedAt: new Date(grading.inputs.at),
    standing: grading.standing,
  };
}

export function logEntryOf(grading: StoredGrading): DecisionLogEntry {
  return {
    customerId: grading.customerId,
    at: grading.inputs.at,
    policyId: grading.policy.policyId,
    policyVersion: grading.policy.version,
    policyHash: pinnedHash(grading.policy),
    facts: grading.facts,
    inputs: grading.inputs,
    cause: grading.cause,
    runId: null,
  };
}

export function historyOf(grading: StoredGrading, previousTier: string | null): NewTierHistory {
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
    at: new Date(grading.inputs.at),
    inputs: grading.inputs,
    protection: grading.decision.protection ?? null,
  };
}
