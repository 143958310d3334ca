import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { GradingCause } from './grading-cause.js';
import type { GradingInputs } from './grading-inputs.js';

/** One stored decision change: what it was made from, not the decision (that is evaluated again). */
export interface DecisionLogEntry {
  customerId: string;
  /** The grading time (the decision's gradedAt), ISO 8601. */
  at: string;
  policyId: string;
  policyVersion: number;
  policyHash: string;
  facts: Record<string, unknown>;
  inputs: GradingInputs;
  cause: GradingCause;
  /** The grading run that wrote it, if any. */
  runId: string | null;
}

interface LogRow {
  customer_id: string;
  at: string;
  policy_id: string;
  policy_version: number;
  policy_hash: string;
  facts: Record<string, unknown>;
  inputs: GradingInputs;
  cause: GradingCause;
  run_id: string | null;
}

/**
 * decision_log: append-only (the database rejects UPDATE, DELETE and TRUNCATE),
 * one row per change of a stored decision, written in the transaction that
 * stores the decision. Bulk writers (grading runs, the import) add their rows in
 * the statement that writes tier_assignments; see RegradeRepository.storeDecisions.
 */
@Injectable()
export class DecisionLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(manager: EntityManager, entries: readonly DecisionLogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO decision_log (customer_id, at, policy_id, policy_version, policy_hash, facts, inputs, cause, run_id)
       SELECT r.customer_id, r.at, r.policy_id, r.policy_version, r.policy_hash, r.facts, r.inputs, r.cause, r.run_id
         FROM json_to_recordset($1::json) AS r (customer_id text, at timestamptz, policy_id text, policy_version integer,
           policy_hash text, facts json, inputs json, cause text, run_id bigint)`,
      [
        JSON.stringify(
          entries.map((entry) => ({
            customer_id: entry.customerId,
            at: entry.at,
            policy_id: entry.policyId,
            policy_version: entry.policyVersion,
            policy_hash: entry.policyHash,
            facts: entry.facts,
            inputs: entry.inputs,
            cause: entry.cause,
            run_id: entry.runId,
          })),
        ),
      ],
    );
  }

  /** The customer's latest decision change at or before `asOf`: the decision then in force. */
  async inForceAt(customerId: string, asOf: Date): Promise<DecisionLogEntry | undefined> {
    const [row] = await this.dataSource.query<LogRow[]>(
      `SELECT customer_id, ${isoOf('at')} AS at, policy_id, policy_version, policy_hash, facts, inputs, cause, run_id::text AS run_id
         FROM decision_log WHERE customer_id = $1 AND at <= $2 ORDER BY at DESC, id DESC LIMIT 1`,
      [customerId, asOf.toISOString()],
    );
    return row && entryOf(row);
  }
}

function isoOf(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

function entryOf(row: LogRow): DecisionLogEntry {
  return {
    customerId: row.customer_id,
    at: row.at,
    policyId: row.policy_id,
    policyVersion: row.policy_version,
    policyHash: row.policy_hash,
    facts: row.facts,
    inputs: row.inputs,
    cause: row.cause,
    runId: row.run_id,
  };
}
