import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Grading } from '../../grading/grading.service.js';
import { historyOf, pinnedHash } from '../../grading/grading-rows.js';
import { TierHistoryRepository } from '../../tier-history/tier-history.repository.js';

/**
 * GradingService.record for many customers at once (a set-based statement per
 * chunk instead of three round trips per customer): the current decision in
 * tier_assignments, and a tier_history row where the tier changed (a first
 * grading counts as a change from none). The customers' rows are already
 * written and locked by the caller's transaction.
 */
@Injectable()
export class ImportGradingWriter {
  constructor(private readonly history: TierHistoryRepository) {}

  /**
   * Returns how many customers changed tier. `unchanged` names customers whose
   * name and facts were already as imported: if they were graded by this same
   * policy version, their stored decision is this one (evaluation is a pure
   * function of facts, policy and tier set by hand, and setting or clearing that
   * tier re-grades at once), so nothing is sent or written for them.
   */
  async record(manager: EntityManager, gradings: readonly Grading[], unchanged: ReadonlySet<string>): Promise<number> {
    if (gradings.length === 0) return 0;
    const ids = gradings.map((grading) => grading.customerId);
    // Locked in id order, like every writer of these rows, so concurrent imports queue instead of deadlocking.
    const current = await manager.query<{ customer_id: string; tier: string | null; policy_hash: string }[]>(
      'SELECT customer_id, tier, policy_hash FROM tier_assignments WHERE customer_id = ANY($1::text[]) ORDER BY customer_id FOR UPDATE',
      [ids],
    );
    const tierBefore = new Map(current.map((row) => [row.customer_id, row.tier]));
    const hashBefore = new Map(current.map((row) => [row.customer_id, row.policy_hash]));
    const regraded = gradings.filter(
      (grading) => !(unchanged.has(grading.customerId) && hashBefore.get(grading.customerId) === grading.policy.hash),
    );
    if (regraded.length === 0) return 0;
    // An unchanged decision is left as it is, so re-importing a file moves nothing, not even graded_at.
    await manager.query(
      `INSERT INTO tier_assignments
         (customer_id, decision, tier, score, policy_id, policy_version, policy_hash, cause, graded_at)
       SELECT r.customer_id, r.decision, r.tier, r.score, r.policy_id, r.policy_version, r.policy_hash, r.cause, now()
       FROM json_to_recordset($1::json) AS r (
         customer_id text, decision json, tier text, score double precision,
         policy_id text, policy_version integer, policy_hash text, cause text)
       ON CONFLICT (customer_id) DO UPDATE SET
         decision = EXCLUDED.decision, tier = EXCLUDED.tier, score = EXCLUDED.score,
         policy_id = EXCLUDED.policy_id, policy_version = EXCLUDED.policy_version,
         policy_hash = EXCLUDED.policy_hash, cause = EXCLUDED.cause, graded_at = EXCLUDED.graded_at
       WHERE tier_assignments.decision::jsonb IS DISTINCT FROM EXCLUDED.decision::jsonb`,
      [JSON.stringify(regraded.map(assignmentRow))],
    );
    const changes = regraded.filter(
      (grading) => !tierBefore.has(grading.customerId) || tierBefore.get(grading.customerId) !== grading.decision.tier,
    );
    await this.history.appendBulk(
      manager,
      changes.map((grading) => historyOf(grading, tierBefore.get(grading.customerId) ?? null)),
    );
    return changes.length;
  }
}

// The assignment as json_to_recordset reads it, column by column.
function assignmentRow(grading: Grading) {
  return {
    customer_id: grading.customerId,
    decision: grading.decision,
    tier: grading.decision.tier,
    score: grading.decision.score,
    policy_id: grading.policy.policyId,
    policy_version: grading.policy.version,
    policy_hash: pinnedHash(grading.policy),
    cause: grading.cause,
  };
}
