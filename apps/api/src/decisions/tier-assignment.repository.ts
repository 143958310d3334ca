import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { insertRows } from '../database/insert-rows.js';
import { TierAssignmentEntity } from './tier-assignment.entity.js';

// The stored text with gradedAt and cause appended, so the decision's keys keep
// the contract's order (the column is json, not jsonb, for that). gradedAt as
// Date.prototype.toISOString writes it (UTC, milliseconds).
export const DECISION_JSON = `
  SELECT left(decision::text, -1)
           || ',"gradedAt":' || to_json(to_char(graded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
           || ',"cause":' || to_json(cause)::text || '}' AS body
    FROM tier_assignments
   WHERE customer_id = $1`;

export type NewTierAssignment = Omit<TierAssignmentEntity, 'gradedAt'>;

@Injectable()
export class TierAssignmentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The stored decision, one primary-key read with no rule evaluation: the call centre's answer, serialized by PostgreSQL: the stored decision with
   * gradedAt and cause beside it, as JSON text (no entity, no JSON.parse/stringify).
   */
  async findDecisionJson(customerId: string): Promise<string | undefined> {
    const rows = await this.dataSource.query<{ body: string }[]>(DECISION_JSON, [customerId]);
    return rows[0]?.body;
  }

  /** The current tier, row-locked until the transaction ends, so concurrent gradings of one customer queue up. */
  async lockCurrentTier(manager: EntityManager, customerId: string): Promise<{ tier: string | null } | undefined> {
    const rows = await manager.query<{ tier: string | null }[]>(
      'SELECT tier FROM tier_assignments WHERE customer_id = $1 FOR UPDATE',
      [customerId],
    );
    return rows[0];
  }

  /** Returns when the grading was stored (the database's clock, like every other timestamp). */
  async upsert(manager: EntityManager, assignment: NewTierAssignment): Promise<Date> {
    const rows = await manager.query<{ graded_at: Date }[]>(
      `INSERT INTO tier_assignments
         (customer_id, decision, tier, score, policy_id, policy_version, policy_hash, cause, graded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT (customer_id) DO UPDATE SET
         decision = EXCLUDED.decision, tier = EXCLUDED.tier, score = EXCLUDED.score,
         policy_id = EXCLUDED.policy_id, policy_version = EXCLUDED.policy_version,
         policy_hash = EXCLUDED.policy_hash, cause = EXCLUDED.cause, graded_at = EXCLUDED.graded_at
       RETURNING graded_at`,
      [
        assignment.customerId,
        JSON.stringify(assignment.decision),
        assignment.tier,
        assignment.score,
        assignment.policyId,
        assignment.policyVersion,
        assignment.policyHash,
        assignment.cause,
      ],
    );
    return rows[0]!.graded_at;
  }

  async insertMany(manager: EntityManager, assignments: readonly NewTierAssignment[]): Promise<void> {
    await insertRows(manager, TierAssignmentEntity, assignments);
  }
}
