import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { insertRows } from '../database/insert-rows.js';
import type { CustomerListQuery, CustomerSortField } from './customer-list-query.js';
import type { CustomerView } from './customer-view.js';
import { CustomerEntity } from './customer.entity.js';

export type SavedCustomer = CustomerEntity & { created: boolean };

const SORT_COLUMNS: Readonly<Record<CustomerSortField, string>> = {
  id: 'c.id',
  name: 'c.name',
  tier: 'a.tier',
  score: 'a.score',
  version: 'c.version',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
  gradedAt: 'a.graded_at',
};

const VIEW_COLUMNS = `c.id, c.name, c.facts, c.created_at, c.updated_at, c.version,
  a.tier, a.score, a.policy_version, a.graded_at`;
const VIEW_FROM = 'customers c LEFT JOIN tier_assignments a ON a.customer_id = c.id';
const RETURNING = 'RETURNING id, name, facts, created_at, updated_at, version';

interface ViewRow {
  id: string;
  name: string;
  facts: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
  version: number;
  tier: string | null;
  score: number | null;
  policy_version: number | null;
  graded_at: Date | null;
}

interface SavedRow {
  id: string;
  name: string;
  facts: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
  version: number;
  created?: boolean;
}

@Injectable()
export class CustomersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findView(id: string): Promise<CustomerView | null> {
    const rows = await this.dataSource.query<ViewRow[]>(`SELECT ${VIEW_COLUMNS} FROM ${VIEW_FROM} WHERE c.id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async exists(id: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>('SELECT 1 FROM customers WHERE id = $1', [id]);
    return rows.length > 0;
  }

  /** Creates or replaces; the row stays locked until the transaction ends. */
  async upsert(manager: EntityManager, customer: { id: string; name: string; facts: Record<string, unknown> }): Promise<SavedCustomer> {
    const rows = await manager.query<SavedRow[]>(
      `INSERT INTO customers (id, name, facts) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET
         name = EXCLUDED.name, facts = EXCLUDED.facts, updated_at = now(), version = customers.version + 1
       ${RETURNING}, (xmax = 0) AS created`,
      [customer.id, customer.name, JSON.stringify(customer.facts)],
    );
    return toSaved(rows[0]!);
  }

  /** Replaces only if the stored version is `expectedVersion` (optimistic concurrency); null otherwise. */
  async updateIfVersion(
    manager: EntityManager,
    customer: { id: string; name: string; facts: Record<string, unknown> },
    expectedVersion: number,
  ): Promise<SavedCustomer | null> {
    const rows = await manager.query<SavedRow[]>(
      `UPDATE customers SET name = $2, facts = $3, updated_at = now(), version = version + 1
       WHERE id = $1 AND version = $4 ${RETURNING}`,
      [customer.id, customer.name, JSON.stringify(customer.facts), expectedVersion],
    );
    // pg reports UPDATE ... RETURNING as [rows, count]; PGlite as rows.
    const saved = (Array.isArray(rows[0]) ? rows[0][0] : rows[0]) as SavedRow | undefined;
    return saved ? toSaved({ ...saved, created: false }) : null;
  }

  /**
   * Creates or replaces many customers in one statement. A customer whose name
   * and facts are already as given is left alone (its version does not move)
   * and is not returned; the rest come back with whether they were created.
   * Every row touched stays locked until the transaction ends.
   */
  async upsertMany(
    manager: EntityManager,
    customers: readonly Pick<CustomerEntity, 'id' | 'name' | 'facts'>[],
  ): Promise<{ id: string; created: boolean }[]> {
    // One jsonb parameter rather than three per row: no bind-parameter ceiling, one plan.
    return manager.query<{ id: string; created: boolean }[]>(
      `INSERT INTO customers (id, name, facts)
       SELECT r.id, r.name, r.facts FROM jsonb_to_recordset($1::jsonb) AS r (id text, name text, facts jsonb)
       ON CONFLICT (id) DO UPDATE SET
         name = EXCLUDED.name, facts = EXCLUDED.facts, updated_at = now(), version = customers.version + 1
       WHERE customers.name IS DISTINCT FROM EXCLUDED.name OR customers.facts IS DISTINCT FROM EXCLUDED.facts
       RETURNING id, (xmax = 0) AS created`,
      [JSON.stringify(customers.map(({ id, name, facts }) => ({ id, name, facts })))],
    );
  }

  async insertMany(manager: EntityManager, customers: readonly Pick<CustomerEntity, 'id' | 'name' | 'facts'>[]): Promise<void> {
    await insertRows(manager, CustomerEntity, customers);
  }

  async list(query: CustomerListQuery): Promise<{ rows: CustomerView[]; total: number }> {
    const { where, params } = whereClause(query.filter);
    const [{ total }] = await this.dataSource.query<[{ total: number }]>(
      `SELECT count(*)::int AS total FROM ${VIEW_FROM} ${where}`,
      params,
    );
    const order = `${SORT_COLUMNS[query.sort.field]} ${query.sort.order} NULLS LAST, c.id ASC`;
    const limit = query.range.end - query.range.start + 1;
    const rows = await this.dataSource.query<ViewRow[]>(
      `SELECT ${VIEW_COLUMNS} FROM ${VIEW_FROM} ${where} ORDER BY ${order}
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, query.range.start],
    );
    return { rows: rows.map(toView), total };
  }
}

function whereClause(filter: CustomerListQuery['filter']): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.q !== undefined) {
    params.push(`%${filter.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
    conditions.push(`(c.name ILIKE $${params.length} OR c.id ILIKE $${params.length})`);
  }
  if (filter.tier !== undefined) {
    params.push(filter.tier);
    conditions.push(`a.tier = ANY($${params.length}::text[])`);
  }
  if (filter.id !== undefined) {
    params.push(filter.id);
    conditions.push(`c.id = ANY($${params.length}::text[])`);
  }
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

function toView(row: ViewRow): CustomerView {
  return {
    id: row.id,
    name: row.name,
    facts: row.facts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    tier: row.tier,
    score: row.score,
    policyVersion: row.policy_version,
    gradedAt: row.graded_at,
  };
}

function toSaved(row: SavedRow): SavedCustomer {
  return Object.assign(new CustomerEntity(), {
    id: row.id,
    name: row.name,
    facts: row.facts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    created: row.created === true,
  });
}
