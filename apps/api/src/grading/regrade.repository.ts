import { Injectable } from '@nestjs/common';
import type { Decision, Standing } from '@tierwise/policy';
import type { EntityManager } from 'typeorm';
import type { GradingCause } from './grading-cause.js';
import type { GradingInputs } from './grading-inputs.js';
import { GRADING_TIME_SQL } from './grading-time.js';

export interface RegradedCustomer {
  customerId: string;
  facts: Record<string, unknown>;
  previousTier: string | null | undefined;
  decision: Decision;
  /** Where the customer stands after this grading. */
  standing: Standing | null;
  /** What the evaluation was given besides the facts and the version. */
  inputs: GradingInputs;
}

/** A chunk's grading time and the standings of its customers, read once its rows are locked. */
export interface ChunkTime {
  at: string;
  /** By customer id; a customer missing here has none (never graded, or graded before standings were kept). */
  standings: ReadonlyMap<string, Standing>;
}

export interface GradingStamp {
  policyId: string;
  policyVersion: number;
  policyHash: string;
  cause: GradingCause;
  actor: string;
  /** The grading run writing these rows, if any. */
  runId?: string;
  /** The grading time (GRADING_TIME_SQL): every row's gradedAt and history time. */
  at: string;
}

/**
 * The set-based SQL of a grading run's writes: each chunk's decisions and tier
 * changes written with one statement each (the rows travel as one json
 * parameter, so a chunk never approaches PostgreSQL's bind-parameter limit).
 */
@Injectable()
export class RegradeRepository {
  /**
   * Customers kept by hand in a tier outside `tiers`: how many, and the first
   * `limit` in id order. Only overridden rows are read (a partial index holds them).
   */
  async findPinnedOutside(
    manager: EntityManager,
    tiers: readonly string[],
    limit: number,
  ): Promise<{ total: number; listed: { customerId: string; tier: string }[] }> {
    const rows = await manager.query<{ id: string; tier: string; total: number }[]>(
      `SELECT id, tier_override ->> 'tier' AS tier, count(*) OVER ()::int AS total
         FROM customers
        WHERE tier_override IS NOT NULL AND NOT (tier_override ->> 'tier' = ANY($1::text[]))
        ORDER BY id LIMIT $2`,
      [tiers, limit],
    );
    return { total: rows[0]?.total ?? 0, listed: rows.map((row) => ({ customerId: row.id, tier: row.tier })) };
  }

  /**
   * The grading time, and the stored standings of the customers with ids from `firstId` up to
   * (not including) `nextId`, in one round trip. Called once the chunk's rows are locked.
   */
  async chunkTime(manager: EntityManager, firstId: string, nextId: string | null): Promise<ChunkTime> {
    const upper = nextId === null ? '' : 'AND customer_id < $2';
    const [row] = await manager.query<{ at: string; standings: Record<string, Standing> | null }[]>(
      `SELECT (SELECT json_object_agg(customer_id, standing) FROM tier_assignments
                WHERE customer_id >= $1 ${upper} AND standing IS NOT NULL) AS standings,
              ${GRADING_TIME_SQL} AS at`,
      nextId === null ? [firstId] : [firstId, nextId],
    );
    return { at: row!.at, standings: new Map(Object.entries(row!.standings ?? {})) };
  }

  /**
   * The chunk's changed decisions and standings, and a decision_log row for each, in one
   * statement: what is logged is exactly what was written.
   */
  async storeDecisions(manager: EntityManager, stamp: GradingStamp, customers: readonly RegradedCustomer[]): Promise<void> {
    if (customers.length === 0) return;
    const rows = customers.map((customer) => ({
      customer_id: customer.customerId,
      decision: customer.decision,
      tier: customer.decision.tier,
      score: customer.decision.score,
      standing: customer.standing,
      facts: customer.facts,
      inputs: customer.inputs,
    }));
    // Rows that exist are UPDATEd, so only a first grading goes through INSERT and its BEFORE INSERT
    // trigger (it reads the customer's value fact for the dashboard, migration 1796700000000);
    // INSERT ... ON CONFLICT would fire that trigger for every row. A decision written meanwhile
    // by another transaction still lands in ON CONFLICT.
    await manager.query(
      `WITH r AS MATERIALIZED (
         SELECT * FROM json_to_recordset($1::json)
           AS r(customer_id text, decision json, tier text, score double precision, standing jsonb, facts json, inputs json)),
       updated AS (
         UPDATE tier_assignments g SET
           decision = r.decision, tier = r.tier, score = r.score, policy_id = $2, policy_version = $3,
           policy_hash = $4, cause = $5, graded_at = $6, standing = r.standing
           FROM r WHERE g.customer_id = r.customer_id
         RETURNING g.customer_id),
       inserted AS (
         INSERT INTO tier_assignments
           (customer_id, decision, tier, score, policy_id, policy_version, policy_hash, cause, graded_at, standing)
         SELECT r.customer_id, r.decision, r.tier, r.score, $2, $3, $4, $5, $6, r.standing
           FROM r WHERE NOT EXISTS (SELECT 1 FROM updated u WHERE u.customer_id = r.customer_id)
         ON CONFLICT (customer_id) DO UPDATE SET
           decision = EXCLUDED.decision, tier = EXCLUDED.tier, score = EXCLUDED.score,
           policy_id = EXCLUDED.policy_id, policy_version = EXCLUDED.policy_version,
           policy_hash = EXCLUDED.policy_hash, cause = EXCLUDED.cause, graded_at = EXCLUDED.graded_at,
           standing = EXCLUDED.standing)
       INSERT INTO decision_log (customer_id, at, policy_id, policy_version, policy_hash, facts, inputs, cause, run_id)
       SELECT r.customer_id, $6, $2, $3, $4, r.facts, r.inputs, $5, $7 FROM r`,
      [JSON.stringify(rows), stamp.policyId, stamp.policyVersion, stamp.policyHash, stamp.cause, stamp.at, stamp.runId ?? null],
    );
  }

  async appendHistory(manager: EntityManager, stamp: GradingStamp, customers: readonly RegradedCustomer[]): Promise<void> {
    if (customers.length === 0) return;
    const rows = customers.map((customer) => ({
      customer_id: customer.customerId,
      previous_tier: customer.previousTier ?? null,
      new_tier: customer.decision.tier,
      score: customer.decision.score,
      facts: customer.facts,
      inputs: customer.inputs,
      protection: customer.decision.protection ?? null,
    }));
    await manager.query(
      `INSERT INTO tier_history
         (customer_id, previous_tier, new_tier, score, policy_id, policy_version, policy_hash, facts, cause, actor, run_id, at, inputs, protection)
       SELECT r.customer_id, r.previous_tier, r.new_tier, r.score, $2, $3, $4, r.facts, $5, $6, $7, $8, r.inputs, r.protection
         FROM jsonb_to_recordset($1::jsonb)
           AS r(customer_id text, previous_tier text, new_tier text, score double precision, facts jsonb, inputs jsonb, protection jsonb)`,
      [
        JSON.stringify(rows),
        stamp.policyId,
        stamp.policyVersion,
        stamp.policyHash,
        stamp.cause,
        stamp.actor,
        stamp.runId ?? null,
        stamp.at,
      ],
    );
  }
}
