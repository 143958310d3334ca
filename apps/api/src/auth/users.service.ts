import { Injectable } from '@nestjs/common';
import { changesBetween } from '../audit/audit-changes.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Authenticator } from './authenticator.js';
import type { CreateUserInput, UpdateUserInput } from './dto/auth-inputs.js';
import { toUserDto, type UserDto } from './dto/auth-views.js';
import type { AuthListQuery } from './list-query.js';
import { PasswordHasher } from './password-hasher.js';
import { UsersRepository, type UserSortField } from './users.repository.js';

export interface ActorContext {
  actor: string;
  requestId: string;
}

/** Console users, managed by admins. Every change commits with its audit row. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditRepository,
    private readonly authenticator: Authenticator,
  ) {}

  async list(query: AuthListQuery<UserSortField>): Promise<{ items: UserDto[]; total: number }> {
    const { rows, total } = await this.users.list(query);
    return { items: rows.map(toUserDto), total };
  }

  async get(username: string): Promise<UserDto> {
    const user = await this.users.find(username.toLowerCase());
    if (!user) throw userNotFound(username);
    return toUserDto(user);
  }

  async create(input: CreateUserInput, context: ActorContext): Promise<UserDto> {
    // Hashed before the transaction: the KDF's tens of milliseconds hold no locks.
    const passwordHash = await this.hasher.hash(input.password);
    return this.transactions.run(async (manager) => {
      const user = await this.users.insert(manager, { username: input.username, passwordHash, role: input.role, createdBy: context.actor });
      if (!user) throw new DomainException(ErrorCode.UserExists, `the user name '${input.username}' is taken; choose another`);
      await this.audit.append(manager, {
        actor: context.actor,
        action: 'user.create',
        target: `user:${user.username}`,
        summary: { role: user.role },
        requestId: context.requestId,
      });
      return toUserDto(user);
    });
  }

  async update(usernameRaw: string, input: UpdateUserInput, context: ActorContext): Promise<UserDto> {
    const username = usernameRaw.toLowerCase();
    const passwordHash = input.password === undefined ? undefined : await this.hasher.hash(input.password);
    const updated = await this.transactions.run(async (manager) => {
      const before = await this.users.lock(manager, username);
      if (!before) throw userNotFound(username);
      const losesAdmin =
        before.role === 'admin' && !before.disabled && ((input.role !== undefined && input.role !== 'admin') || input.disabled === true);
      if (losesAdmin && (await this.users.countOtherEnabledAdmins(manager, username)) === 0) {
        throw DomainException.invalidRequest([
          {
            path: input.disabled === true ? '/disabled' : '/role',
            message: `'${username}' is the last enabled admin; make another user admin first, so nobody is locked out`,
          },
        ]);
      }
      const password = passwordHash === undefined ? undefined : { hash: passwordHash, changedAt: new Date() };
      const after = (await this.users.update(manager, username, { role: input.role, disabled: input.disabled, password }))!;
      const summary: Record<string, unknown> = {};
      // Role and standing before and after, the changed ones only; a password only as the fact of its change.
      const changes = changesBetween({ role: before.role, disabled: before.disabled }, { role: after.role, disabled: after.disabled });
      if (Object.keys(changes).length > 0) summary['changes'] = changes;
      if (passwordHash !== undefined) summary['passwordChanged'] = true;
      await this.audit.append(manager, {
        actor: context.actor,
        action: 'user.update',
        target: `user:${username}`,
        summary,
        requestId: context.requestId,
      });
      return after;
    });
    // After the commit, so no lookup can re-cache the old standing in between.
    this.authenticator.forgetUser(username);
    return toUserDto(updated);
  }
}

function userNotFound(username: string): DomainException {
  return new DomainException(ErrorCode.UserNotFound, `there is no user named '${username.slice(0, 64)}'`);
}
