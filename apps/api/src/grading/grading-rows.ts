import type { NewTierAssignment } from '../decisions/tier-assignment.repository.js';
import type { PolicyInForce } from '../policies/policy-in-force.js';
import type { NewTierHistory } from '../tier-history/tier-history.repository.js';
import type { Grading } from './grading.service.js';

// The rows one grading writes: the current decision and, when the tier changed,
// a tier-history entry. Shared by every writer (one customer, bulk import).

export function pinnedHash(policy: PolicyInForce): string {
  // Only a released version grades stored customers; a draft is for what-ifs.
  if (policy.hash === null) throw new Error(`policy ${policy.policyId} v${policy.version} is a draft and cannot grade stored customers`);
  return policy.hash;
}

export function assignmentOf(grading: Grading): NewTierAssignment {
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

export function historyOf(grading: Grading, previousTier: string | null): NewTierHistory {
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
