import type { TierHistoryDto } from './dto/tier-history.dto.js';
import type { TierHistoryEntity } from './tier-history.entity.js';

export function toTierHistoryDto(entry: TierHistoryEntity): TierHistoryDto {
  return {
    id: Number(entry.id),
    customerId: entry.customerId,
    previousTier: entry.previousTier,
    newTier: entry.newTier,
    score: entry.score,
    policy: { id: entry.policyId, version: entry.policyVersion, hash: entry.policyHash },
    facts: entry.facts,
    cause: entry.cause,
    actor: entry.actor,
    at: entry.at.toISOString(),
    inputs: entry.inputs,
    protection: entry.protection,
  };
}
