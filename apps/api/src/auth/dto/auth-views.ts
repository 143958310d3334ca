import type { ApiKeyEntity } from '../api-key.entity.js';
import type { Principal } from '../principal.js';
import { actorName } from '../principal.js';
import type { Role } from '../role.js';
import type { UserEntity } from '../user.entity.js';

// The HTTP shapes of users, keys and the caller, and the one place each is
// mapped from its entity: password and key hashes never leave the server.

export interface LoginResponse {
  accessToken: string;
}

/** `id` is the user name, so react-admin can address the record. */
export interface UserDto {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface ApiKeyDto {
  id: string;
  name: string;
  role: Role;
  /** The key's first characters, to tell keys apart; never enough to use one. */
  prefix: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  lastUsedAt: string | null;
  /** Null: the key works until revoked. */
  expiresAt: string | null;
}

/** Answered once, on creation: the only time the key itself is shown. */
export interface CreatedApiKeyDto extends ApiKeyDto {
  key: string;
}

export interface MeDto {
  kind: Principal['kind'];
  /** How audit rows and tier history name the caller. */
  actor: string;
  role: Role;
  username?: string;
  apiKeyId?: string;
  apiKeyName?: string;
}

export function toUserDto(user: UserEntity): UserDto {
  return {
    id: user.username,
    username: user.username,
    role: user.role,
    disabled: user.disabled,
    createdBy: user.createdBy,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

export function toApiKeyDto(key: ApiKeyEntity): ApiKeyDto {
  return {
    id: key.id,
    name: key.name,
    role: key.role,
    prefix: key.prefix,
    createdBy: key.createdBy,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt?.toISOString() ?? null,
    revokedBy: key.revokedBy,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    expiresAt: key.expiresAt?.toISOString() ?? null,
  };
}

export function toMeDto(principal: Principal): MeDto {
  const common = { kind: principal.kind, actor: actorName(principal), role: principal.role };
  return principal.kind === 'user'
    ? { ...common, username: principal.username }
    : { ...common, apiKeyId: principal.id, apiKeyName: principal.name };
}
