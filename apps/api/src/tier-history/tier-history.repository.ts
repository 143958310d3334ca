import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { timeConditions, type ListSort } from '../common/ra-list-query.js';
import { insertRows } from '../database/insert-rows.js';
import { readThroughCursor } from '../database/read-through-cursor.js';
import type { TierHistoryFilter, TierHistoryListQuery, TierHistorySortField } from './tier-history-list-query.js';
import { after, orderBy, sortKey, type TierHistoryCursor } from './tier-history-sort.js';
import { TierHistoryEntity } from './tier-history.entity.js';

export type NewTierHistory = Omit<TierHistoryEntity, 'id'>;

/** Appends and reads; there is deliberately no update or delete (the database forbids them too). */
@Injectable()
export class TierHistoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(manager: EntityManager, entries: readonly NewTierHistory[]): Promise<void> {
    await insertRows(manager, TierHistoryEntity, entries);
  }

  /**
   * The same rows as `append`, in one statement per call: the rows travel as a
   * single jsonb parameter, which for tens of thousands of rows (a bulk import)
   * costs a fraction of TypeORM's multi-row INSERT.
   */
  async appendBulk(manager: EntityManager, entries: readonly NewTierHistory[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO tier_history
         (customer_id, previous_tier, new_tier, score, policy_id, policy_version, policy_hash, facts, cause, actor, at, inputs, protection)
       SELECT r.customer_id, r.previous_tier, r.new_tier, r.score, r.policy_id, r.policy_version, r.policy_hash, r.facts, r.cause, r.actor,
              r.at, r.inputs, r.protection
       FROM jsonb_to_recordset($1::jsonb) AS r (
         customer_id text, previous_tier text, new_tier text, score double precision, policy_id text,
         policy_version integer, policy_hash text, facts jsonb, cause text, actor text, at timestamptz, inputs jsonb, protection jsonb)`,
      [
        JSON.stringify(
          entries.map((entry) => ({
            customer_id: entry.customerId,
            previous_tier: entry.previousTier,
            new_tier: entry.newTier,
            score: entry.score,
            policy_id: entry.policyId,
            policy_version: entry.policyVersion,
            policy_hash: entry.policyHash,
            facts: entry.facts,
            cause: entry.cause,
            actor: entry.actor,
            at: entry.at.toISOString(),
            inputs: entry.inputs,
            protection: entry.protection,
          })),
        ),
      ],
    );
  }

  async find(id: string): Promise<TierHistoryEntity | undefined> {
    const rows = await this.dataSource.query<HistoryRow[]>('SELECT h.* FROM tier_history h WHERE h.id = $1', [id]);
    return rows[0] && toEntity(rows[0]);
  }

  async list(query: TierHistoryListQuery): Promise<{ rows: TierHistoryEntity[]; total: number }> {
    const { conditions, params } = filterConditions(query.filter);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query<[{ total: number }]>(
      `SELECT count(*)::int AS total FROM tier_history h ${where}`,
      params,
    );
    const rows = await this.dataSource.query<HistoryRow[]>(
      `SELECT h.* FROM tier_history h ${where} ORDER BY ${orderBy(query.sort)}
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.range.end - query.range.start + 1, query.range.start],
    );
    return { rows: rows.map(toEntity), total };
  }

  /**
   * Every selected row in the list's order, `size` rows at a time, through one server-side
   * cursor in a read-only REPEATABLE READ transaction: one scan and one sort for the whole
   * export, whatever the sort field (keyset pages without an index on it would each rescan the
   * table), and a file that is one moment's view. It holds one pooled connection while the
   * client downloads, so it is for PostgreSQL only: embedded PGlite has a single session.
   * Closing the generator early (the client went away) rolls back and frees the connection.
   */
  async *exportThroughCursor(
    filter: TierHistoryFilter,
    sort: ListSort<TierHistorySortField>,
    size: number,
  ): AsyncGenerator<TierHistoryEntity[], void, undefined> {
    const { conditions, params } = filterConditions(filter);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const select = `SELECT h.* FROM tier_history h ${where} ORDER BY ${orderBy(sort)}`;
    for await (const rows of readThroughCursor<HistoryRow>(this.dataSource, select, params, size)) yield rows.map(toEntity);
  }

  /**
   * One page of the export after `cursor`, in the list's order, by keyset rather
   * than OFFSET: a page near the end of a long export costs what one near its start does.
   */
  async exportPage(
    filter: TierHistoryFilter,
    sort: ListSort<TierHistorySortField>,
    cursor: TierHistoryCursor | undefined,
    size: number,
  ): Promise<{ rows: TierHistoryEntity[]; next: TierHistoryCursor | undefined }> {
    const { conditions, params } = filterConditions(filter);
    if (cursor) conditions.push(after(sort, cursor, params));
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    params.push(size);
    const rows = await this.dataSource.query<(HistoryRow & { sort_key: string | null })[]>(
      `SELECT h.*, ${sortKey(sort.field)} AS sort_key FROM tier_history h ${where} ORDER BY ${orderBy(sort)} LIMIT $${params.length}`,
      params,
    );
    const last = rows.at(-1);
    const next = rows.length === size && last ? { key: last.sort_key, id: String(last.id) } : undefined;
    return { rows: rows.map(toEntity), next };
  }
}

interface HistoryRow {
  id: string | number;
  customer_id: string;
  previous_tier: string | null;
  new_tier: string | null;
  score: number | null;
  policy_id: string;
  policy_version: number;
  policy_hash: string;
  facts: Record<string, unknown>;
  cause: TierHistoryEntity['cause'];
  actor: string;
  at: Date;
  inputs: TierHistoryEntity['inputs'];
  protection: TierHistoryEntity['protection'];
}

function filterConditions(filter: TierHistoryFilter): { conditions: string[]; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.id) {
    params.push(filter.id);
    conditions.push(`h.id = ANY($${params.length}::bigint[])`);
  }
  if (filter.customerId) {
    params.push(filter.customerId);
    conditions.push(`h.customer_id = ANY($${params.length}::text[])`);
  }
  if (filter.tier) {
    params.push(filter.tier);
    conditions.push(`(h.new_tier = ANY($${params.length}::text[]) OR h.previous_tier = ANY($${params.length}::text[]))`);
  }
  if (filter.cause) {
    params.push(filter.cause);
    conditions.push(`h.cause = ANY($${params.length}::text[])`);
  }
  if (filter.policyVersion) {
    params.push(filter.policyVersion);
    conditions.push(`h.policy_version = ANY($${params.length}::int[])`);
  }
  conditions.push(...timeConditions('h.at', filter.from, filter.to, params));
  return { conditions, params };
}

function toEntity(row: HistoryRow): TierHistoryEntity {
  return Object.assign(new TierHistoryEntity(), {
    id: row.id,
    customerId: row.customer_id,
    previousTier: row.previous_tier,
    newTier: row.new_tier,
    score: row.score,
    policyId: row.policy_id,
    policyVersion: row.policy_version,
    policyHash: row.policy_hash,
    facts: row.facts,
    cause: row.cause,
    actor: row.actor,
    at: row.at,
    inputs: row.inputs,
    protection: row.protection,
  });
}
