import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PopulationFactDefinition, TierOverride } from '@tierwise/policy';
import type { DataSource, EntityManager } from 'typeorm';
import type { GradingRun, RunCause, RunFilter, RunKind, RunStatus } from './grading-run.js';
import { addTallies, emptyTally, NO_TIER, type RunTally } from './run-tally.js';

export interface NewRun {
  kind: RunKind;
  cause: RunCause;
  policyId: string;
  policyVersion: number;
  policyHash: string | null;
  filter: RunFilter | null;
  startedBy: string;
}

export interface ChunkRange {
  firstId: string;
  /** Exclusive; null for the last chunk. */
  nextId: string | null;
}

/** A customer as a chunk reads it, with its current decision's tier and fingerprint. */
export interface ChunkCustomer {
  id: string;
  facts: Record<string, unknown>;
  tierOverride: TierOverride | null;
  /** Undefined when never graded; null when graded into no tier. */
  tier: string | null | undefined;
  /** md5 of the stored decision's text: a decision that would not change is not rewritten. */
  decisionMd5: string | null;
  /** Simulations only: the stored decision, to count its treatments. */
  decision: unknown;
  populationFacts: Record<string, number> | undefined;
}

interface RunRow {
  id: string;
  kind: RunKind;
  cause: RunCause;
  status: RunStatus;
  policy_id: string;
  policy_version: number;
  policy_hash: string | null;
  filter: RunFilter | null;
  total: number | null;
  population: Record<string, unknown> | null;
  summary: RunTally | null;
  error: string | null;
  superseded_by: string | null;
  started_by: string;
  started_at: Date;
  finished_at: Date | null;
  tallies: RunTally[] | null;
}

// A finished run keeps its summed tally; an unfinished one is summed from its done chunks when read.
const RUN_COLUMNS = `r.id::text AS id, r.kind, r.cause, r.status, r.policy_id, r.policy_version, r.policy_hash, r.filter, r.total,
  r.population, r.summary, r.error, r.superseded_by::text AS superseded_by, r.started_by, r.started_at, r.finished_at,
  CASE WHEN r.summary IS NULL THEN
    (SELECT json_agg(k.tally) FROM grading_run_chunks k WHERE k.run_id = r.id AND k.done_at IS NOT NULL) END AS tallies`;

/** The SQL of grading runs: the run rows, their chunk plan and tallies, failures and population facts. */
@Injectable()
export class GradingRunsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, run: NewRun): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO grading_runs (kind, cause, policy_id, policy_version, policy_hash, filter, started_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::text AS id`,
      [
        run.kind,
        run.cause,
        run.policyId,
        run.policyVersion,
        run.policyHash,
        run.filter === null ? null : JSON.stringify(run.filter),
        run.startedBy,
      ],
    );
    return row!.id;
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<GradingRun | undefined> {
    const [row] = await manager.query<RunRow[]>(`SELECT ${RUN_COLUMNS} FROM grading_runs r WHERE r.id = $1`, [id]);
    return row && toRun(row);
  }

  async list(
    where: { id?: number[]; kind?: string; status?: string; cause?: string; policyId?: string; policyVersion?: number[] },
    page: { offset: number; limit: number; order: 'ASC' | 'DESC' },
  ): Promise<{ runs: GradingRun[]; total: number }> {
    const params: unknown[] = [];
    const clauses: string[] = [];
    if (where.id) clauses.push(`r.id = ANY($${params.push(where.id)}::bigint[])`);
    if (where.cause) clauses.push(`r.cause = $${params.push(where.cause)}`);
    if (where.policyVersion) clauses.push(`r.policy_version = ANY($${params.push(where.policyVersion)}::int[])`);
    if (where.kind) clauses.push(`r.kind = $${params.push(where.kind)}`);
    if (where.status) clauses.push(`r.status = $${params.push(where.status)}`);
    if (where.policyId) clauses.push(`r.policy_id = $${params.push(where.policyId)}`);
    const filter = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
    // started_at, then id: runs started in one transaction keep their order.
    const [count] = await this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM grading_runs r ${filter}`, params);
    const rows = await this.dataSource.query<RunRow[]>(
      `SELECT ${RUN_COLUMNS} FROM grading_runs r ${filter}
        ORDER BY r.started_at ${page.order}, r.id ${page.order} OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, page.offset, page.limit],
    );
    return { runs: rows.map(toRun), total: count!.total };
  }

  /** The latest simulation of one version (shown with a draft). */
  async latestSimulation(policyId: string, version: number): Promise<GradingRun | undefined> {
    const [row] = await this.dataSource.query<RunRow[]>(
      `SELECT ${RUN_COLUMNS} FROM grading_runs r WHERE r.kind = 'simulation' AND r.policy_id = $1 AND r.policy_version = $2
        ORDER BY r.id DESC LIMIT 1`,
      [policyId, version],
    );
    return row && toRun(row);
  }

  /**
   * Ends every unfinished grading run of the policy older than `runId`: a newer run supersedes
   * them. Their rows are locked FOR UPDATE first, which waits for chunks in flight (each holds its
   * run's row FOR KEY SHARE), so none overlaps the new run.
   */
  async supersedeOlder(manager: EntityManager, policyId: string, runId: string): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `WITH older AS (
         SELECT id FROM grading_runs
          WHERE policy_id = $1 AND kind = 'grade' AND status IN ('queued', 'running') AND id < $2
          ORDER BY id FOR UPDATE)
       UPDATE grading_runs r SET status = 'failed', superseded_by = $2, finished_at = now(),
              error = 'superseded by run ' || $2::text || ', which grades every customer again'
         FROM older WHERE r.id = older.id
       RETURNING r.id::text AS id`,
      [policyId, runId],
    );
    return rows.map((row) => row.id);
  }

  /**
   * The run's status, locked FOR KEY SHARE until the caller commits: a supersession (FOR UPDATE)
   * waits for the caller's chunk, while plain updates of the run's row (its progress) do not.
   */
  async lockStatus(manager: EntityManager, runId: string): Promise<RunStatus | undefined> {
    const [row] = await manager.query<{ status: RunStatus }[]>(`SELECT status FROM grading_runs WHERE id = $1 FOR KEY SHARE`, [runId]);
    return row?.status;
  }

  /** Splits the customers into chunks of `size` by key range; returns how many customers and chunks. */
  async planChunks(
    manager: EntityManager,
    runId: string,
    filter: RunFilter | null,
    size: number,
  ): Promise<{ total: number; chunks: number }> {
    const params: unknown[] = [runId, size];
    const where = filterSql(filter, params, 'c');
    const [row] = await manager.query<{ total: number; chunks: number }[]>(
      `WITH ordered AS (
         SELECT c.id, row_number() OVER (ORDER BY c.id) - 1 AS n FROM customers c
           ${where ? `LEFT JOIN tier_assignments a ON a.customer_id = c.id WHERE ${where}` : ''}),
       starts AS (
         SELECT (n / $2)::int AS chunk, id AS first_id, lead(id) OVER (ORDER BY id) AS next_id FROM ordered WHERE n % $2 = 0),
       planned AS (
         INSERT INTO grading_run_chunks (run_id, chunk, first_id, next_id)
         SELECT $1, chunk, first_id, next_id FROM starts ON CONFLICT DO NOTHING RETURNING 1)
       SELECT (SELECT count(*) FROM ordered)::int AS total, (SELECT count(*) FROM starts)::int AS chunks`,
      params,
    );
    return row!;
  }

  async markRunning(manager: EntityManager, runId: string, total: number, population: Record<string, unknown> | null): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `UPDATE grading_runs SET status = 'running', total = $2, population = $3, progressed_at = now()
        WHERE id = $1 AND status = 'queued' RETURNING 1`,
      [runId, total, population === null ? null : JSON.stringify(population)],
    );
    return rows.length > 0;
  }

  /**
   * The population facts a policy declares, for every customer, computed with window functions
   * the way the policy package computes them (ties share a rank and a cumulative share; a customer
   * without the measured fact gets none). Sums run in rank order, as the package adds them, so a
   * share lands on a cut such as 0.8 exactly as it would there. Returns per fact how many customers
   * it covered and the total measured.
   */
  async computePopulation(
    manager: EntityManager,
    runId: string,
    definitions: ReadonlyMap<string, PopulationFactDefinition>,
  ): Promise<Record<string, { of: string; measure: string; order: string; customers: number; total: number }>> {
    await manager.query(`DELETE FROM grading_run_population WHERE run_id = $1`, [runId]);
    const params: unknown[] = [runId];
    const sources = [...new Set([...definitions.values()].map((definition) => definition.of))];
    const columns = sources.map(
      (fact, index) =>
        `CASE WHEN jsonb_typeof(c.facts -> $${params.push(fact)}) = 'number' THEN (c.facts ->> $${params.length})::float8 END AS v${index}`,
    );
    const pairs: string[] = [];
    for (const [name, definition] of definitions) {
      const v = `v${sources.indexOf(definition.of)}`;
      const direction = (definition.order ?? 'descending') === 'descending' ? 'DESC' : 'ASC';
      const window = `(PARTITION BY ${v} IS NULL ORDER BY ${v} ${direction}`;
      const expression = {
        rank: `rank() OVER ${window})`,
        percentile: `(count(${v}) OVER ${window} RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) - rank() OVER ${window}) + 1)::float8
                     / count(${v}) OVER ${window} RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)`,
        cumulativeShare: `CASE WHEN sum(${v}) OVER ${window} RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) <= 0 THEN 1
                     ELSE sum(${v}) OVER ${window}) / sum(${v}) OVER ${window} RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) END`,
      }[definition.measure];
      pairs.push(`$${params.push(name)}::text, CASE WHEN ${v} IS NOT NULL THEN ${expression} END`);
    }
    await manager.query(
      `INSERT INTO grading_run_population (run_id, customer_id, facts)
       SELECT $1, id, facts FROM (
         SELECT id, jsonb_strip_nulls(jsonb_build_object(${pairs.join(', ')})) AS facts
           FROM (SELECT c.id, ${columns.join(', ')} FROM customers c) c) p
        WHERE facts <> '{}'::jsonb`,
      params,
    );
    const summary: Record<string, { of: string; measure: string; order: string; customers: number; total: number }> = {};
    for (const [name, definition] of definitions) {
      const [row] = await manager.query<{ customers: number; total: number | null }[]>(
        `SELECT count(*)::int AS customers, sum((c.facts ->> $2)::float8) AS total
           FROM grading_run_population p JOIN customers c ON c.id = p.customer_id WHERE p.run_id = $1 AND p.facts ? $3`,
        [runId, definition.of, name],
      );
      summary[name] = {
        of: definition.of,
        measure: definition.measure,
        order: definition.order ?? 'descending',
        customers: row!.customers,
        total: row!.total ?? 0,
      };
    }
    return summary;
  }

  /** The chunk, locked for its transaction; undefined when it does not exist. */
  async lockChunk(manager: EntityManager, runId: string, chunk: number): Promise<(ChunkRange & { done: boolean }) | undefined> {
    const [row] = await manager.query<{ first_id: string; next_id: string | null; done: boolean }[]>(
      `SELECT first_id, next_id, done_at IS NOT NULL AS done FROM grading_run_chunks WHERE run_id = $1 AND chunk = $2 FOR UPDATE`,
      [runId, chunk],
    );
    return row && { firstId: row.first_id, nextId: row.next_id, done: row.done };
  }

  /**
   * The chunk's customers in key order. For a grading run their decisions are locked first (a
   * customer edited meanwhile waits, or is read with its new facts), then the customers read in
   * a second statement, whose fresh snapshot sees whatever committed while the locks were taken.
   */
  async readChunk(
    manager: EntityManager,
    runId: string,
    range: ChunkRange,
    filter: RunFilter | null,
    options: { lock: boolean; decisions: boolean; population: boolean },
  ): Promise<ChunkCustomer[]> {
    const params: unknown[] = [range.firstId];
    const upper = range.nextId === null ? '' : `AND c.id < $${params.push(range.nextId)}`;
    if (options.lock) {
      await manager.query(
        `SELECT 1 FROM tier_assignments c WHERE c.customer_id >= $1 ${upper.replace('c.id', 'c.customer_id')} ORDER BY c.customer_id FOR UPDATE`,
        params,
      );
    }
    const where = filterSql(filter, params, 'c');
    const population = options.population
      ? `LEFT JOIN grading_run_population p ON p.run_id = $${params.push(runId)} AND p.customer_id = c.id`
      : '';
    const rows = await manager.query<
      {
        id: string;
        facts: Record<string, unknown>;
        override_tier: string | null;
        override_reason: string | null;
        graded: boolean;
        tier: string | null;
        decision_md5: string | null;
        decision: unknown;
        population_facts: Record<string, number> | null;
      }[]
    >(
      `SELECT c.id, c.facts, c.tier_override ->> 'tier' AS override_tier, c.tier_override ->> 'reason' AS override_reason,
              a.customer_id IS NOT NULL AS graded, a.tier, md5(a.decision::text) AS decision_md5,
              ${options.decisions ? 'a.decision' : 'NULL'} AS decision, ${options.population ? 'p.facts' : 'NULL'} AS population_facts
         FROM customers c
         LEFT JOIN tier_assignments a ON a.customer_id = c.id
         ${population}
        WHERE c.id >= $1 ${upper} ${where ? `AND ${where}` : ''}
        ORDER BY c.id`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      facts: row.facts,
      tierOverride: row.override_tier === null ? null : { tier: row.override_tier, reason: row.override_reason ?? '' },
      tier: row.graded ? row.tier : undefined,
      decisionMd5: row.decision_md5,
      decision: row.decision,
      populationFacts: options.population ? (row.population_facts ?? {}) : undefined,
    }));
  }

  async recordFailures(manager: EntityManager, runId: string, failures: readonly { customerId: string; reason: string }[]): Promise<void> {
    if (failures.length === 0) return;
    await manager.query(
      `INSERT INTO grading_run_failures (run_id, customer_id, reason)
       SELECT $1, f.customer_id, f.reason FROM json_to_recordset($2::json) AS f(customer_id text, reason text)
       ON CONFLICT DO NOTHING`,
      [runId, JSON.stringify(failures.map((failure) => ({ customer_id: failure.customerId, reason: failure.reason })))],
    );
  }

  async completeChunk(manager: EntityManager, runId: string, chunk: number, tally: RunTally): Promise<void> {
    await manager.query(`UPDATE grading_run_chunks SET done_at = clock_timestamp(), tally = $3 WHERE run_id = $1 AND chunk = $2`, [
      runId,
      chunk,
      JSON.stringify(tally),
    ]);
  }

  /** Closes the run as succeeded once no chunk is left; false while chunks remain (or it already closed). */
  async finishIfDone(runId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const pending = await manager.query<unknown[]>(`SELECT 1 FROM grading_run_chunks WHERE run_id = $1 AND done_at IS NULL LIMIT 1`, [
        runId,
      ]);
      if (pending.length > 0) return false;
      const [row] = await manager.query<{ tallies: RunTally[] | null; kind: RunKind }[]>(
        `SELECT (SELECT json_agg(tally) FROM grading_run_chunks WHERE run_id = $1) AS tallies, kind FROM grading_runs WHERE id = $1`,
        [runId],
      );
      if (!row) return false;
      const summary = sumTallies(row.tallies, row.kind);
      const updated = await manager.query<unknown[]>(
        `UPDATE grading_runs SET status = 'succeeded', summary = $2, finished_at = now(), progressed_at = now()
          WHERE id = $1 AND status = 'running' RETURNING 1`,
        [runId, JSON.stringify(summary)],
      );
      return updated.length > 0;
    });
  }

  async fail(runId: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE grading_runs SET status = 'failed', error = $2, finished_at = now() WHERE id = $1 AND status IN ('queued', 'running')`,
      [runId, error],
    );
  }

  /** Unfinished runs with no progress for `staleAfterMs`: their jobs may have been lost with Redis. */
  async stalled(staleAfterMs: number): Promise<{ id: string; status: RunStatus }[]> {
    return this.dataSource.query(
      `SELECT r.id::text AS id, r.status FROM grading_runs r
        WHERE r.status IN ('queued', 'running')
          AND greatest(r.progressed_at, (SELECT max(done_at) FROM grading_run_chunks k WHERE k.run_id = r.id))
              < now() - make_interval(secs => $1::float8 / 1000)
        ORDER BY r.id`,
      [staleAfterMs],
    );
  }

  async pendingChunks(runId: string): Promise<number[]> {
    const rows = await this.dataSource.query<{ chunk: number }[]>(
      `SELECT chunk FROM grading_run_chunks WHERE run_id = $1 AND done_at IS NULL ORDER BY chunk`,
      [runId],
    );
    return rows.map((row) => row.chunk);
  }

  async touch(runId: string): Promise<void> {
    await this.dataSource.query(`UPDATE grading_runs SET progressed_at = now() WHERE id = $1`, [runId]);
  }

  async failures(
    runId: string,
    page: { offset: number; limit: number },
  ): Promise<{ rows: { customerId: string; reason: string }[]; total: number }> {
    const [count] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM grading_run_failures WHERE run_id = $1`,
      [runId],
    );
    const rows = await this.dataSource.query<{ customerId: string; reason: string }[]>(
      `SELECT customer_id AS "customerId", reason FROM grading_run_failures WHERE run_id = $1 ORDER BY customer_id OFFSET $2 LIMIT $3`,
      [runId, page.offset, page.limit],
    );
    return { rows, total: count!.total };
  }
}

/** The filter as SQL on customers `c` (and their decision `a`, which the caller joins). */
function filterSql(filter: RunFilter | null, params: unknown[], alias: string): string {
  const clauses: string[] = [];
  if (filter?.ids) clauses.push(`${alias}.id = ANY($${params.push(filter.ids)}::text[])`);
  if (filter?.tiers) {
    const tiers = filter.tiers.filter((tier) => tier !== NO_TIER);
    const none = filter.tiers.includes(NO_TIER) ? ' OR a.tier IS NULL' : '';
    clauses.push(`(a.tier = ANY($${params.push(tiers)}::text[])${none})`);
  }
  return clauses.join(' AND ');
}

function sumTallies(tallies: RunTally[] | null, kind: RunKind): RunTally {
  return (tallies ?? []).reduce((total, part) => addTallies(total, part), emptyTally(kind === 'simulation'));
}

function toRun(row: RunRow): GradingRun {
  return {
    id: row.id,
    kind: row.kind,
    cause: row.cause,
    status: row.status,
    policyId: row.policy_id,
    policyVersion: row.policy_version,
    policyHash: row.policy_hash,
    filter: row.filter,
    total: row.total,
    tally: row.summary ?? sumTallies(row.tallies, row.kind),
    population: row.population,
    error: row.error,
    supersededBy: row.superseded_by,
    startedBy: row.started_by,
    startedAt: new Date(row.started_at),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at),
  };
}
