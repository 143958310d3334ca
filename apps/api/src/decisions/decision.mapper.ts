import type { StoredDecisionDto } from './dto/stored-decision.dto.js';
import type { TierAssignmentEntity } from './tier-assignment.entity.js';

/** The stored decision is returned as stored: the contract shape is @tierwise/policy's, not ours. */
export function toStoredDecisionDto(assignment: TierAssignmentEntity): StoredDecisionDto {
  return { ...assignment.decision, gradedAt: assignment.gradedAt.toISOString(), cause: assignment.cause };
}
