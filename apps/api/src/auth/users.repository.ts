import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { likePattern } from '../common/like-pattern.js';
import type { AuthListQuery } from './list-query.js';
import { returnedRows } from './returned-rows.js';
import type { Role } from './role.js';
import { UserEntity } from './user.entity.js';

// `id` is the user name (UserDto.id), the sort react-admin sends by default.
export const USER_SORT_FIELDS = ['id', 'username', 'role', 'disabled', 'createdAt', 'updatedAt'] as const;
export type UserSortField = (typeof USER_SORT_FIELDS)[number];

const SORT_COLUMNS: Readonly<Record<UserSortField, string>> = {
  id: 'username',
  username: 'username',
  role: 'role',
  disabled: 'disabled',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

const COLUMNS =
  'username, password_hash, role, disabled, password_changed_at, session_epoch, sign_in_generation, created_by, created_at, updated_at';

interface UserRow {
  username: string;
  password_hash: string;
  role: Role;
  disabled: boolean;
  password_changed_at: Date;
  session_epoch: number;
  sign_in_generation: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface UserChange {
  role?: Role | undefined;
  disabled?: boolean | undefined;
  /** A new password's hash, and when it was set by this app's clock (the clock tokens' iat come from). */
  password?: { hash: string; changedAt: Date } | undefined;
  /** Ends every session opened so far (set on disabling and on a password change). */
  endSessions?: boolean | undefined;
  /** Lifts every sign-in lock on the name (set on a password change and by an admin's unlock). */
  liftSignInLocks?: boolean | undefined;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(username: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    const rows = await manager.query<UserRow[]>(`SELECT ${COLUMNS} FROM users WHERE username = $1`, [username]);
    return rows[0] ? toEntity(rows[0]) : null;
  }

  async count(manager: EntityManager): Promise<number> {
    const [row] = await manager.query<[{ total: number }]>('SELECT count(*)::int AS total FROM users');
    return row.total;
  }

  /** Enabled admins other than `except`, rows locked so two demotions cannot both pass the check. */
  async countOtherEnabledAdmins(manager: EntityManager, except: string): Promise<number> {
    const rows = await manager.query<unknown[]>(
      `SELECT username FROM users WHERE role = 'admin' AND NOT disabled AND username <> $1 FOR UPDATE`,
      [except],
    );
    return rows.length;
  }

  /** False when the user name is taken. */
  async insert(
    manager: EntityManager,
    user: { username: string; passwordHash: string; role: Role; createdBy: string },
    now: Date = new Date(),
  ): Promise<UserEntity | null> {
    // password_changed_at from this app's clock, not the database's: tokens' iat comes from the same clock.
    const rows = await manager.query<UserRow[]>(
      `INSERT INTO users (username, password_hash, role, created_by, password_changed_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (username) DO NOTHING RETURNING ${COLUMNS}`,
      [user.username, user.passwordHash, user.role, user.createdBy, now],
    );
    return rows[0] ? toEntity(rows[0]) : null;
  }

  async update(manager: EntityManager, username: string, change: UserChange): Promise<UserEntity | null> {
    const rows = returnedRows<UserRow>(
      await manager.query(
        `UPDATE users SET role = COALESCE($2, role), disabled = COALESCE($3, disabled),
           password_hash = COALESCE($4, password_hash), password_changed_at = COALESCE($5, password_changed_at),
           session_epoch = session_epoch + $6, sign_in_generation = sign_in_generation + $7,
           updated_at = now()
         WHERE username = $1 RETURNING ${COLUMNS}`,
        [
          username,
          change.role ?? null,
          change.disabled ?? null,
          change.password?.hash ?? null,
          change.password?.changedAt ?? null,
          change.endSessions ? 1 : 0,
          change.liftSignInLocks ? 1 : 0,
        ],
      ),
    );
    return rows[0] ? toEntity(rows[0]) : null;
  }

  /** Locks the row for the rest of the transaction. */
  async lock(manager: EntityManager, username: string): Promise<UserEntity | null> {
    const rows = await manager.query<UserRow[]>(`SELECT ${COLUMNS} FROM users WHERE username = $1 FOR UPDATE`, [username]);
    return rows[0] ? toEntity(rows[0]) : null;
  }

  async list(query: AuthListQuery<UserSortField>): Promise<{ rows: UserEntity[]; total: number }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (query.filter.q !== undefined) {
      params.push(likePattern(query.filter.q));
      conditions.push(`username ILIKE $${params.length}`);
    }
    if (query.filter.role !== undefined) {
      params.push(query.filter.role);
      conditions.push(`role = ANY($${params.length}::text[])`);
    }
    if (query.filter.id !== undefined) {
      // User names are stored lower-cased, as GET /users/:username reads them.
      params.push(query.filter.id.map((id) => id.toLowerCase()));
      conditions.push(`username = ANY($${params.length}::text[])`);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query<[{ total: number }]>(`SELECT count(*)::int AS total FROM users ${where}`, params);
    const order = `${SORT_COLUMNS[query.sort.field]} ${query.sort.order}, username ASC`;
    const rows = await this.dataSource.query<UserRow[]>(
      `SELECT ${COLUMNS} FROM users ${where} ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.range.end - query.range.start + 1, query.range.start],
    );
    return { rows: rows.map(toEntity), total };
  }
}

function toEntity(row: UserRow): UserEntity {
  return Object.assign(new UserEntity(), {
    username: row.username,
    passwordHash: row.password_hash,
    role: row.role,
    disabled: row.disabled,
    passwordChangedAt: row.password_changed_at,
    sessionEpoch: row.session_epoch,
    signInGeneration: row.sign_in_generation,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
