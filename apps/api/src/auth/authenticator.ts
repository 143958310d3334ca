import { Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { ApiKeysRepository, type LiveApiKey } from './api-keys.repository.js';
import { hashApiKey, looksLikeApiKey } from './api-key-secret.js';
import { SIGN_IN_HINT, unauthenticated } from './auth.errors.js';
import { ExpiringCache } from './expiring-cache.js';
import type { Principal } from './principal.js';
import type { Role } from './role.js';
import { TokenService } from './token.service.js';
import { UsersRepository } from './users.repository.js';

// Verified credentials are remembered this long, so GET /api/v1/decisions/{id}
// does not pay a database round trip per call. Within this process a revoked
// key or a disabled user is forgotten at once (forgetApiKey, forgetUser); other
// instances notice within CREDENTIAL_CACHE_MS at most.
export const CREDENTIAL_CACHE_MS = 5_000;
const MAX_CACHED = 10_000;

/** The header call-centre systems send their API key in. */
export const API_KEY_HEADER = 'x-api-key';

interface UserStanding {
  role: Role;
  disabled: boolean;
  /** users.session_epoch: a token issued under an older epoch was ended by disabling or a password change. */
  sessionEpoch: number;
}

/**
 * Turns a request's credentials into a principal: `Authorization: Bearer <jwt>`
 * for console users, `X-API-Key: <key>` for systems. Throws 401 otherwise.
 */
@Injectable()
export class Authenticator {
  private readonly keys = new ExpiringCache<string, LiveApiKey | null>(CREDENTIAL_CACHE_MS, MAX_CACHED);
  private readonly users = new ExpiringCache<string, UserStanding | null>(CREDENTIAL_CACHE_MS, MAX_CACHED);

  constructor(
    private readonly tokens: TokenService,
    private readonly apiKeys: ApiKeysRepository,
    private readonly usersRepository: UsersRepository,
  ) {}

  async authenticate(headers: IncomingHttpHeaders): Promise<Principal> {
    const authorization = single(headers.authorization);
    const apiKey = single(headers[API_KEY_HEADER]);
    if (authorization !== undefined && apiKey !== undefined) {
      throw unauthenticated('send one credential, either Authorization or X-API-Key, not both');
    }
    if (apiKey !== undefined) return this.byApiKey(apiKey.trim());
    if (authorization !== undefined) return this.byBearer(authorization);
    throw unauthenticated(`sign in first: ${SIGN_IN_HINT}`);
  }

  /** Forgets a revoked key in this process at once. */
  forgetApiKey(keyHash: string): void {
    this.keys.delete(keyHash);
  }

  /** Forgets a user's cached role and standing after a change. */
  forgetUser(username: string): void {
    this.users.delete(username);
  }

  private async byApiKey(key: string): Promise<Principal> {
    // Malformed values never reach the database. Unknown keys are remembered too (as null), so
    // a client retrying with a wrong key costs one lookup per CREDENTIAL_CACHE_MS, not one per call.
    const hash = looksLikeApiKey(key) ? hashApiKey(key) : undefined;
    const live = hash === undefined ? null : await this.keys.get(hash, () => this.apiKeys.useLive(hash));
    if (!live) throw unauthenticated('the API key is not valid, has expired or has been revoked; ask an admin for a new one');
    // Checked here as well as in the query: a key remembered for a few seconds must not outlive its expiry.
    if (live.expiresAt !== null && live.expiresAt.getTime() <= Date.now()) {
      throw unauthenticated(`the API key expired at ${live.expiresAt.toISOString()}; ask an admin for a new one`);
    }
    return { kind: 'api-key', id: live.id, name: live.name, role: live.role };
  }

  private async byBearer(authorization: string): Promise<Principal> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw unauthenticated("the Authorization header must be 'Bearer <token>'");
    const token = match[1]!;
    if (looksLikeApiKey(token)) throw unauthenticated('an API key goes in the X-API-Key header, not in Authorization');
    const result = await this.tokens.verify(token);
    if (!result.ok) {
      throw unauthenticated(
        result.reason === 'expired' ? 'your session has expired; sign in again' : 'the access token is not valid; sign in again',
      );
    }
    const username = result.claims.sub;
    const standing = await this.users.get(username, async () => {
      const user = await this.usersRepository.find(username);
      return user ? { role: user.role, disabled: user.disabled, sessionEpoch: user.sessionEpoch } : null;
    });
    if (!standing || standing.disabled) throw unauthenticated(`the user '${username}' is disabled or no longer exists`);
    // Any epoch but the current one: tokens from before a disable stay dead after re-enabling.
    if (result.claims.sep !== standing.sessionEpoch) {
      throw unauthenticated('this session was ended by a password change or by disabling the user; sign in again');
    }
    // The role is read from the user, not the token, so a role change applies to sessions already open.
    return { kind: 'user', username, role: standing.role };
  }
}

function single(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.join(',');
  return value === '' ? undefined : value;
}
