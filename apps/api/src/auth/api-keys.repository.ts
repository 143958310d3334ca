import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity.js';
import { likePattern } from '../common/like-pattern.js';
import type { AuthListQuery } from './list-query.js';
import { returnedRows } from './returned-rows.js';
import type { Role } from './role.js';

// `id` is the sort react-admin sends by default.
export const API_KEY_SORT_FIELDS = ['id', 'name', 'role', 'createdAt', 'revokedAt', 'lastUsedAt'] as const;
export type ApiKeySortField = (typeof API_KEY_SORT_FIELDS)[number];

const SORT_COLUMNS: Readonly<Record<ApiKeySortField, string>> = {
  id: 'id',
  name: 'name',
  role: 'role',
  createdAt: 'created_at',
  revokedAt: 'revoked_at',
  lastUsedAt: 'last_used_at',
};

const COLUMNS = 'id, name, role, key_hash, prefix, created_by, created_at, revoked_at, revoked_by, last_used_at, expires_at';

interface ApiKeyRow {
  id: string;
  name: string;
  role: Role;
  key_hash: string;
  prefix: string;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
  last_used_at: Date | null;
  expires_at: Date | null;
}

/** What the roles guard needs of a live key. */
export interface LiveApiKey {
  id: string;
  name: string;
  role: Role;
  expiresAt: Date | null;
}

// PostgreSQL's unique_violation, raised by api_keys_live_name.
const UNIQUE_VIOLATION = '23505';

@Injectable()
export class ApiKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Null when a live key already has this name. */
  async insert(
    manager: EntityManager,
    key: Pick<ApiKeyEntity, 'id' | 'name' | 'role' | 'keyHash' | 'prefix' | 'createdBy' | 'expiresAt'>,
  ): Promise<ApiKeyEntity | null> {
    // ON CONFLICT cannot name a partial unique index portably across PGlite and
    // PostgreSQL versions without repeating its predicate; a savepoint keeps the
    // caller's transaction usable after the violation.
    await manager.query('SAVEPOINT api_key_insert');
    try {
      const rows = await manager.query<ApiKeyRow[]>(
        `INSERT INTO api_keys (id, name, role, key_hash, prefix, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         RETURNING ${COLUMNS}`,
        [key.id, key.name, key.role, key.keyHash, key.prefix, key.createdBy, key.expiresAt],
      );
      await manager.query('RELEASE SAVEPOINT api_key_insert');
      return toEntity(rows[0]!);
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT api_key_insert');
      if ((error as { driverError?: { code?: string }; code?: string }).driverError?.code === UNIQUE_VIOLATION) return null;
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return null;
      throw error;
    }
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<ApiKeyEntity | null> {
    const rows = await manager.query<ApiKeyRow[]>(`SELECT ${COLUMNS} FROM api_keys WHERE id = $1`, [id]);
    return rows[0] ? toEntity(rows[0]) : null;
  }

  /** Marks a live key revoked; null when it was not live (unknown or already revoked). */
  async revoke(manager: EntityManager, id: string, by: string): Promise<ApiKeyEntity | null> {
    const rows = returnedRows<ApiKeyRow>(
      await manager.query(
        `UPDATE api_keys SET revoked_at = now(), revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
        [id, by],
      ),
    );
    return rows[0] ? toEntity(rows[0]) : null;
  }

  /**
   * The live (not revoked, not expired) key with this hash, recording its use in the same statement: one
   * round trip per verification, and verifications are cached (api-key-cache.ts).
   */
  async useLive(keyHash: string): Promise<LiveApiKey | null> {
    const rows = returnedRows<Pick<ApiKeyRow, 'id' | 'name' | 'role' | 'expires_at'>>(
      await this.dataSource.query(
        `UPDATE api_keys SET last_used_at = now()
         WHERE key_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
         RETURNING id, name, role, expires_at`,
        [keyHash],
      ),
    );
    const row = rows[0];
    return row ? { id: row.id, name: row.name, role: row.role, expiresAt: row.expires_at } : null;
  }

  async list(query: AuthListQuery<ApiKeySortField>): Promise<{ rows: ApiKeyEntity[]; total: number }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (query.filter.q !== undefined) {
      params.push(likePattern(query.filter.q));
      conditions.push(`(name ILIKE $${params.length} OR prefix ILIKE $${params.length})`);
    }
    if (query.filter.role !== undefined) {
      params.push(query.filter.role);
      conditions.push(`role = ANY($${params.length}::text[])`);
    }
    if (query.filter.id !== undefined) {
      params.push(query.filter.id);
      conditions.push(`id::text = ANY($${params.length}::text[])`);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query<[{ total: number }]>(`SELECT count(*)::int AS total FROM api_keys ${where}`, params);
    const order = `${SORT_COLUMNS[query.sort.field]} ${query.sort.order} NULLS LAST, id ASC`;
    const rows = await this.dataSource.query<ApiKeyRow[]>(
      `SELECT ${COLUMNS} FROM api_keys ${where} ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.range.end - query.range.start + 1, query.range.start],
    );
    return { rows: rows.map(toEntity), total };
  }
}

function toEntity(row: ApiKeyRow): ApiKeyEntity {
  return Object.assign(new ApiKeyEntity(), {
    id: row.id,
    name: row.name,
    role: row.role,
    keyHash: row.key_hash,
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
  });
}
