import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { timeConditions, type ListSort } from '../common/ra-list-query.js';
import { insertRows } from '../database/insert-rows.js';
import { AuditEventEntity } from './audit-event.entity.js';
import type { AuditFilter, AuditListQuery, AuditSortField } from './audit-list-query.js';

export type NewAuditEvent = Omit<AuditEventEntity, 'id' | 'at'>;

/** Where a keyset page ends: the next page starts after it. `at` is kept to the microsecond, as stored. */
export interface AuditCursor {
  at: string;
  id: string;
}

const SORT_COLUMNS: Readonly<Record<AuditSortField, string>> = {
  at: 'at',
  id: 'id',
  actor: 'actor',
  action: 'action',
  target: 'target',
};

const COLUMNS = `id, actor, action, target, summary, request_id, at,
  to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_key`;

interface EventRow {
  id: string | number;
  actor: string;
  action: string;
  target: string;
  summary: Record<string, unknown>;
  request_id: string | null;
  at: Date;
  at_key: string;
}

/** Audit rows are written in the same transaction as the change they describe, and never changed. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(manager: EntityManager, event: NewAuditEvent): Promise<void> {
    await insertRows(manager, AuditEventEntity, [event]);
  }

  async list(query: AuditListQuery): Promise<{ rows: AuditEventEntity[]; total: number }> {
    const { where, params } = whereClause(query.filter);
    const [{ total }] = await this.dataSource.query<[{ total: number }]>(
      `SELECT count(*)::int AS total FROM audit_events ${where}`,
      params,
    );
    const { field, order } = query.sort;
    const orderBy = field === 'id' ? `id ${order}` : `${SORT_COLUMNS[field]} ${order}, id ${order}`;
    const rows = await this.dataSource.query<EventRow[]>(
      `SELECT ${COLUMNS} FROM audit_events ${where} ORDER BY ${orderBy}
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.range.end - query.range.start + 1, query.range.start],
    );
    return { rows: rows.map(toEntity), total };
  }

  /**
   * One page of the export after `cursor`, by keyset rather than OFFSET so a
   * long export costs the same per page at its end as at its start.
   */
  async exportPage(
    filter: AuditFilter,
    sort: ListSort<'at' | 'id'>,
    cursor: AuditCursor | undefined,
    size: number,
  ): Promise<{ rows: AuditEventEntity[]; next: AuditCursor | undefined }> {
    const { conditions, params } = filterConditions(filter);
    const comparison = sort.order === 'ASC' ? '>' : '<';
    if (cursor && sort.field === 'id') {
      params.push(cursor.id);
      conditions.push(`id ${comparison} $${params.length}::bigint`);
    } else if (cursor) {
      params.push(cursor.at, cursor.id);
      conditions.push(`(at, id) ${comparison} ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const orderBy = sort.field === 'id' ? `id ${sort.order}` : `at ${sort.order}, id ${sort.order}`;
    params.push(size);
    const rows = await this.dataSource.query<EventRow[]>(
      `SELECT ${COLUMNS} FROM audit_events ${where} ORDER BY ${orderBy} LIMIT $${params.length}`,
      params,
    );
    const last = rows.at(-1);
    const next = rows.length === size && last ? { at: last.at_key, id: String(last.id) } : undefined;
    return { rows: rows.map(toEntity), next };
  }
}

function filterConditions(filter: AuditFilter): { conditions: string[]; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.id !== undefined) {
    params.push(filter.id);
    conditions.push(`id = ANY($${params.length}::bigint[])`);
  }
  for (const key of ['actor', 'action', 'target'] as const) {
    const values = filter[key];
    if (values === undefined) continue;
    params.push(values);
    conditions.push(`${key} = ANY($${params.length}::text[])`);
  }
  conditions.push(...timeConditions('at', filter.from, filter.to, params));
  return { conditions, params };
}

function whereClause(filter: AuditFilter): { where: string; params: unknown[] } {
  const { conditions, params } = filterConditions(filter);
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

function toEntity(row: EventRow): AuditEventEntity {
  return Object.assign(new AuditEventEntity(), {
    id: row.id,
    actor: row.actor,
    action: row.action,
    target: row.target,
    summary: row.summary,
    requestId: row.request_id,
    at: row.at,
  });
}
