import { Injectable } from '@nestjs/common';
import type { Standing } from '@tierwise/policy';
import type { EntityManager } from 'typeorm';
import { grade } from '../../grading/decide.js';
import { gradingInputs } from '../../grading/grading-inputs.js';
import { historyOf, pinnedHash, storedGrading, type StoredGrading } from '../../grading/grading-rows.js';
import { gradingTime } from '../../grading/grading-time.js';
import type { Grading } from '../../grading/grading.service.js';
import { TierHistoryRepository } from '../../tier-history/tier-history.repository.js';

/**
 * GradingService.record for many customers at once (a set-based statement per
 * chunk instead of three round trips per customer): the current decision and
 * standing in tier_assignments with a decision_log row, and a tier_history row
 * where the tier changed (a first grading counts as a change from none). The
 * customers' rows are already written and locked by the caller's transaction.
 */
@Injectable()
export class ImportGradingWriter {
  constructor(private readonly history: TierHistoryRepository) {}

  /**
   * Returns how many customers changed tier, and how many are in each tier now.
   * `unchanged` names customers whose name and facts were already as imported: if
   * they were graded by this same policy version, their stored decision stands
   * (evaluation is a pure function of facts, policy, tier set by hand and standing,
   * and setting or clearing that tier re-grades at once; an import of the same row
   * is no new grading), so nothing is sent or written for them.
   */
  async record(
    manager: EntityManager,
    gradings: readonly Grading[],
    unchanged: ReadonlySet<string>,
  ): Promise<{ tierChanges: number; tiers: Record<string, number> }> {
    const tiers: Record<string, number> = {};
    const count = (tier: string | null) => (tiers[tier ?? 'none'] = (tiers[tier ?? 'none'] ?? 0) + 1);
    if (gradings.length === 0) return { tierChanges: 0, tiers };
    const ids = gradings.map((grading) => grading.customerId);
    // Locked in id order, like every writer of these rows, so concurrent imports queue instead of deadlocking.
    const current = await manager.query<{ customer_id: string; tier: string | null; policy_hash: string; standing: Standing | null }[]>(
      'SELECT customer_id, tier, policy_hash, standing FROM tier_assignments WHERE customer_id = ANY($1::text[]) ORDER BY customer_id FOR UPDATE',
      [ids],
    );
    const before = new Map(current.map((row) => [row.customer_id, row]));
    const regraded: Grading[] = [];
    for (const grading of gradings) {
      const stored = before.get(grading.customerId);
      if (unchanged.has(grading.customerId) && stored?.policy_hash === grading.policy.hash) count(stored.tier);
      else regraded.push(grading);
    }
    if (regraded.length === 0) return { tierChanges: 0, tiers };
    // After the locks: no grading that stored one of these standings can be later than this one.
    const at = await gradingTime(manager);
    const stored = regraded.map((grading) =>
      storedGrading(
        grading,
        grading.policy,
        grade(
          grading.policy,
          grading.customerId,
          grading.facts,
          gradingInputs(at, before.get(grading.customerId)?.standing, grading.tierOverride, grading.populationFacts),
        ),
      ),
    );
    for (const grading of stored) count(grading.decision.tier);
    // An unchanged decision and standing are left as they are, so re-importing a file moves nothing,
    // not even graded_at; a decision_log row is written for each decision that is.
    await manager.query(
      `WITH r AS MATERIALIZED (
         SELECT * FROM json_to_recordset($1::json) AS r (
           customer_id text, decision json, tier text, score double precision, policy_id text, policy_version integer,
           policy_hash text, cause text, graded_at timestamptz, standing jsonb, facts json, inputs json)),
       written AS (
         INSERT INTO tier_assignments
           (customer_id, decision, tier, score, policy_id, policy_version, policy_hash, cause, graded_at, standing)
         SELECT r.customer_id, r.decision, r.tier, r.score, r.policy_id, r.policy_version, r.policy_hash, r.cause, r.graded_at, r.standing
           FROM r
         ON CONFLICT (customer_id) DO UPDATE SET
           decision = EXCLUDED.decision, tier = EXCLUDED.tier, score = EXCLUDED.score,
           policy_id = EXCLUDED.policy_id, policy_version = EXCLUDED.policy_version,
           policy_hash = EXCLUDED.policy_hash, cause = EXCLUDED.cause, graded_at = EXCLUDED.graded_at,
           standing = EXCLUDED.standing
         WHERE tier_assignments.decision::jsonb IS DISTINCT FROM EXCLUDED.decision::jsonb
            OR tier_assignments.standing IS DISTINCT FROM EXCLUDED.standing
         RETURNING customer_id)
       INSERT INTO decision_log (customer_id, at, policy_id, policy_version, policy_hash, facts, inputs, cause)
       SELECT r.customer_id, r.graded_at, r.policy_id, r.policy_version, r.policy_hash, r.facts, r.inputs, r.cause
         FROM r JOIN written w ON w.customer_id = r.customer_id`,
      [JSON.stringify(stored.map(assignmentRow))],
    );
    const changes = stored.filter(
      (grading) => !before.has(grading.customerId) || before.get(grading.customerId)!.tier !== grading.decision.tier,
    );
    await this.history.appendBulk(
      manager,
      changes.map((grading) => historyOf(grading, before.get(grading.customerId)?.tier ?? null)),
    );
    return { tierChanges: changes.length, tiers };
  }
}

// The assignment and its log row as json_to_recordset reads them, column by column.
function assignmentRow(grading: StoredGrading) {
  return {
    customer_id: grading.customerId,
    decision: grading.decision,
    tier: grading.decision.tier,
    score: grading.decision.score,
    policy_id: grading.policy.policyId,
    policy_version: grading.policy.version,
    policy_hash: pinnedHash(grading.policy),
    cause: grading.cause,
    graded_at: grading.inputs.at,
    standing: grading.standing,
    facts: grading.facts,
    inputs: grading.inputs,
  };
}
