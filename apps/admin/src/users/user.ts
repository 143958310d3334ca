import type { Role } from '../auth/token-store';

/** One console user as GET /users answers it (apps/api/src/auth/dto/auth-views.ts); `id` is the user name. */
export interface User {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** One API key; never the key itself, but on creation. */
export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

export interface CreatedApiKey extends ApiKey {
  key: string;
}
