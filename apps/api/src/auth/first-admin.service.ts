import { randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { AuditRepository } from '../audit/audit.repository.js';
import { SYSTEM_ACTOR } from '../common/actor.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { LOGGER } from '../logging/logger.token.js';
import { PasswordHasher } from './password-hasher.js';
import { UsersRepository } from './users.repository.js';

// Any fixed key, other than the policy bootstrap's: the same for every instance of this app.
const FIRST_ADMIN_LOCK = 7_357_002;
export const DEFAULT_ADMIN_USERNAME = 'admin';

/** Where the one-time password goes: standard output unless a test listens. */
export type SecretPrinter = (text: string) => void;
export const SECRET_PRINTER = Symbol('SECRET_PRINTER');
export const printToStdout: SecretPrinter = (text) => {
  process.stdout.write(text);
};

/**
 * First start with no users: creates the first admin, from TIERWISE_ADMIN_USERNAME
 * and TIERWISE_ADMIN_PASSWORD when set, otherwise as `admin` with a one-time
 * password printed once. Later starts find a user and do nothing.
 */
@Injectable()
export class FirstAdminService implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(SECRET_PRINTER) private readonly print: SecretPrinter,
    private readonly transactions: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const given = this.config.firstAdmin;
    const username = given?.username ?? DEFAULT_ADMIN_USERNAME;
    const password = given?.password ?? oneTimePassword();
    // Hashed up front (tens of milliseconds) rather than while holding the lock; wasted on later starts, which is cheap.
    const passwordHash = await this.hasher.hash(password);
    const created = await this.transactions.run(async (manager) => {
      // Two instances starting on one empty database: one creates the admin, the other waits, then finds it.
      await manager.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ADMIN_LOCK]);
      if ((await this.users.count(manager)) > 0) return false;
      await this.users.insert(manager, { username, passwordHash, role: 'admin', createdBy: SYSTEM_ACTOR });
      await this.audit.append(manager, {
        actor: SYSTEM_ACTOR,
        action: 'user.create',
        target: `user:${username}`,
        summary: { role: 'admin', firstAdmin: true, password: given ? 'TIERWISE_ADMIN_PASSWORD' : 'one-time' },
        requestId: null,
      });
      return true;
    });
    if (!created) return;
    if (given) {
      this.logger.info({ username }, 'first start: created the admin user from TIERWISE_ADMIN_USERNAME / TIERWISE_ADMIN_PASSWORD');
      return;
    }
    // Printed, not logged: whatever LOG_LEVEL says, the operator must see it, and log shippers should not keep it.
    this.print(banner(username, password));
    this.logger.warn({ username }, 'first start: created the admin user with a one-time password, printed once on standard output');
  }
}

function oneTimePassword(): string {
  // 18 random bytes: 24 characters, 144 bits.
  return randomBytes(18).toString('base64url');
}

function banner(username: string, password: string): string {
  const line = '='.repeat(72);
  return [
    '',
    line,
    ' Tierwise first start: an admin user was created.',
    `   user name: ${username}`,
    `   password:  ${password}`,
    ' This password is shown only this once. Sign in (POST /api/v1/auth/login)',
    ' and change it: PUT /api/v1/auth/password with {"currentPassword": "...", "newPassword": "..."}',
    ' (that ends older sessions; the answer carries a new token).',
    ' To choose it instead, set TIERWISE_ADMIN_USERNAME and TIERWISE_ADMIN_PASSWORD',
    ' before the first start.',
    line,
    '',
  ].join('\n');
}
