import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { newApiKeySecret } from './api-key-secret.js';
import { ApiKeysRepository, type ApiKeySortField } from './api-keys.repository.js';
import { Authenticator } from './authenticator.js';
import type { CreateApiKeyInput } from './dto/auth-inputs.js';
import { toApiKeyDto, type ApiKeyDto, type CreatedApiKeyDto } from './dto/auth-views.js';
import type { AuthListQuery } from './list-query.js';
import type { ActorContext } from './users.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** API keys for call-centre systems: made by admins, shown once, stored hashed, revocable. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditRepository,
    private readonly authenticator: Authenticator,
  ) {}

  async list(query: AuthListQuery<ApiKeySortField>): Promise<{ items: ApiKeyDto[]; total: number }> {
    const { rows, total } = await this.keys.list(query);
    return { items: rows.map(toApiKeyDto), total };
  }

  async get(id: string): Promise<ApiKeyDto> {
    const key = UUID.test(id) ? await this.keys.find(id.toLowerCase()) : null;
    if (!key) throw apiKeyNotFound(id);
    return toApiKeyDto(key);
  }

  async create(input: CreateApiKeyInput, context: ActorContext): Promise<CreatedApiKeyDto> {
    const secret = newApiKeySecret();
    return this.transactions.run(async (manager) => {
      const key = await this.keys.insert(manager, {
        id: randomUUID(),
        name: input.name,
        role: input.role,
        keyHash: secret.hash,
        prefix: secret.prefix,
        createdBy: context.actor,
        expiresAt: input.expiresAt,
      });
      if (!key) {
        throw DomainException.invalidRequest([
          { path: '/name', message: `a live API key is already named '${input.name}'; choose another name or revoke that key first` },
        ]);
      }
      await this.audit.append(manager, {
        actor: context.actor,
        action: 'api-key.create',
        target: `api-key:${key.id}`,
        summary: { name: key.name, role: key.role, prefix: key.prefix, expiresAt: key.expiresAt?.toISOString() ?? null },
        requestId: context.requestId,
      });
      return { ...toApiKeyDto(key), key: secret.key };
    });
  }

  /** Revokes a key; revoking one already revoked answers it unchanged. */
  async revoke(id: string, context: ActorContext): Promise<ApiKeyDto> {
    if (!UUID.test(id)) throw apiKeyNotFound(id);
    const keyId = id.toLowerCase();
    const revoked = await this.transactions.run(async (manager) => {
      const key = await this.keys.revoke(manager, keyId, context.actor);
      if (!key) return null;
      await this.audit.append(manager, {
        actor: context.actor,
        action: 'api-key.revoke',
        target: `api-key:${key.id}`,
        summary: { name: key.name, role: key.role, prefix: key.prefix },
        requestId: context.requestId,
      });
      return key;
    });
    if (!revoked) return this.get(keyId);
    // After the commit, so no lookup can re-cache the key as live in between.
    this.authenticator.forgetApiKey(revoked.keyHash);
    return toApiKeyDto(revoked);
  }
}

function apiKeyNotFound(id: string): DomainException {
  return new DomainException(ErrorCode.ApiKeyNotFound, `there is no API key with id '${id.slice(0, 64)}'`);
}
