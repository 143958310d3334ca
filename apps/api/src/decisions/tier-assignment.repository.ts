import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Standing } from '@tierwise/policy';
import type { DataSource, EntityManager } from 'typeorm';
import { insertRows } from '../database/insert-rows.js';
import { TierAssignmentEntity } from './tier-assignment.entity.js';

// The stored text with gradedAt and cause appended, so the decision's keys keep
// the contract's order (the column is json, not jsonb, for that). gradedAt as
// Date.prototype.toISOString writes it (UTC, milliseconds). `id` (the customer's)
// leads, so react-admin can hold a stored decision as a record.
const BODY = `'{"id":' || to_json(a.customer_id)::text || ',' || substr(left(a.decision::text, -1), 2)
           || ',"gradedAt":' || to_json(to_char(a.graded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
           || ',"cause":' || to_json(a.cause)::text || '}'`;

/** The stored decision as GET /decisions/:id serves it: no row when there is none. */
export const DECISION_JSON = `SELECT ${BODY} AS body FROM tier_assignments a WHERE a.customer_id = $1`;

// The call centre's read: customer and decision in one indexed round trip, so a
// miss still tells an unknown customer (no row) from an ungraded one (null body).
const CUSTOMER_DECISION_JSON = `
  SELECT CASE WHEN a.customer_id IS NULL THEN NULL ELSE ${BODY} END AS body
    FROM customers c LEFT JOIN tier_assignments a ON a.customer_id = c.id
   WHERE c.id = $1`;

// The same answer found by the customer's phone number (unique), with the id it belongs to.
const PHONE_DECISION_JSON = `
  SELECT c.id, CASE WHEN a.customer_id IS NULL THEN NULL ELSE ${BODY} END AS body
    FROM customers c LEFT JOIN tier_assignments a ON a.customer_id = c.id
   WHERE c.phone = $1`;

export type NewTierAssignment = TierAssignmentEntity;

@Injectable()
export class TierAssignmentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The call centre's answer as JSON text (no entity, no JSON.parse/stringify):
   * undefined for an unknown customer, a null body for one not graded yet.
   */
  async findDecisionJson(customerId: string): Promise<{ body: string | null } | undefined> {
    const rows = await this.dataSource.query<{ body: string | null }[]>(CUSTOMER_DECISION_JSON, [customerId]);
    return rows[0];
  }

  /** As findDecisionJson, by phone number: undefined when no customer has it. */
  async findDecisionJsonByPhone(phone: string): Promise<{ id: string; body: string | null } | undefined> {
    const rows = await this.dataSource.query<{ id: string; body: string | null }[]>(PHONE_DECISION_JSON, [phone]);
    return rows[0];
  }

  /** Customer ids equal to `id` but for case (by the lower(id) index), for a "did you mean" on a miss. */
  async idsIgnoringCase(id: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>('SELECT id FROM customers WHERE lower(id) = lower($1) ORDER BY id LIMIT 5', [
      id,
    ]);
    return rows.map((row) => row.id);
  }

  /** The current tier and standing, row-locked until the transaction ends, so concurrent gradings of one customer queue up. */
  async lockCurrentTier(
    manager: EntityManager,
    customerId: string,
  ): Promise<{ tier: string | null; standing: Standing | null } | undefined> {
    const rows = await manager.query<{ tier: string | null; standing: Standing | null }[]>(
      'SELECT tier, standing FROM tier_assignments WHERE customer_id = $1 FOR UPDATE',
      [customerId],
    );
    return rows[0];
  }

  /** Returns when the grading was stored (its gradedAt: the grading time, from the database's clock). */
  async upsert(manager: EntityManager, assignment: NewTierAssignment): Promise<Date> {
    const rows = await manager.query<{ graded_at: Date }[]>(
      `INSERT INTO tier_assignments
         (customer_id, decision, tier, score, policy_id, policy_version, policy_hash, cause, graded_at, standing)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (customer_id) DO UPDATE SET
         decision = EXCLUDED.decision, tier = EXCLUDED.tier, score = EXCLUDED.score,
         policy_id = EXCLUDED.policy_id, policy_version = EXCLUDED.policy_version,
         policy_hash = EXCLUDED.policy_hash, cause = EXCLUDED.cause, graded_at = EXCLUDED.graded_at,
         standing = EXCLUDED.standing
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
        assignment.gradedAt.toISOString(),
        assignment.standing === null ? null : JSON.stringify(assignment.standing),
      ],
    );
    return rows[0]!.graded_at;
  }

  async insertMany(manager: EntityManager, assignments: readonly NewTierAssignment[]): Promise<void> {
    await insertRows(manager, TierAssignmentEntity, assignments);
  }
}
