import { Inject, Injectable } from '@nestjs/common';
import { changesBetween } from '../audit/audit-changes.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { tooManySignIns } from './auth.errors.js';
import { Authenticator } from './authenticator.js';
import type { ChangeOwnPasswordInput, CreateUserInput, UpdateUserInput } from './dto/auth-inputs.js';
import { toUserDto, type LoginResponse, type UserDto } from './dto/auth-views.js';
import type { AuthListQuery } from './list-query.js';
import { PasswordHasher } from './password-hasher.js';
import { weakPasswordReason } from './password-strength.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { TokenService } from './token.service.js';
import { UsersRepository, type UserSortField } from './users.repository.js';

export interface ActorContext {
  actor: string;
  requestId: string;
}

/** A user acting on their own account, from the address the request came from. */
export interface SelfContext extends ActorContext {
  username: string;
  clientAddress: string;
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
    private readonly tokens: TokenService,
    @Inject(SignInThrottle) private readonly throttle: SignInThrottle,
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
    assertStrongPassword(input.password, input.username, '/password');
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
    if (input.password !== undefined) assertStrongPassword(input.password, username, '/password');
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
      // Disabling ends the sessions opened so far for good: enabling again does not revive them.
      // A new password does too, and lifts the sign-in locks the old one may have collected.
      const after = (await this.users.update(manager, username, {
        role: input.role,
        disabled: input.disabled,
        password,
        endSessions: password !== undefined || (input.disabled === true && !before.disabled),
        liftSignInLocks: password !== undefined,
      }))!;
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

  /** Lifts every sign-in lock on the user's name (the throttle's keys carry its generation). */
  async unlock(usernameRaw: string, context: ActorContext): Promise<UserDto> {
    const username = usernameRaw.toLowerCase();
    const unlocked = await this.transactions.run(async (manager) => {
      const user = await this.users.update(manager, username, { liftSignInLocks: true });
      if (!user) throw userNotFound(username);
      await this.audit.append(manager, {
        actor: context.actor,
        action: 'user.unlock',
        target: `user:${username}`,
        summary: { signInLocksLifted: true },
        requestId: context.requestId,
      });
      return user;
    });
    return toUserDto(unlocked);
  }

  /**
   * A signed-in user changes their own password. Every session opened before ends,
   * this one included, so the answer carries a fresh token for the caller.
   * Wrong current passwords count against the sign-in throttle like wrong sign-ins.
   */
  async changeOwnPassword(input: ChangeOwnPasswordInput, context: SelfContext): Promise<LoginResponse> {
    const { username } = context;
    const user = await this.users.find(username);
    if (!user) throw userNotFound(username);
    const attempt = { username, generation: user.signInGeneration, address: context.clientAddress };
    const lock = await this.throttle.lockOf(attempt);
    if (lock) throw tooManySignIns(username, lock);
    if (!(await this.hasher.verify(input.currentPassword, user.passwordHash))) {
      await this.throttle.failed(attempt);
      throw DomainException.invalidRequest([{ path: '/currentPassword', message: 'the current password is wrong' }]);
    }
    if (input.newPassword === input.currentPassword) {
      throw DomainException.invalidRequest([{ path: '/newPassword', message: 'the new password must differ from the current one' }]);
    }
    assertStrongPassword(input.newPassword, username, '/newPassword');
    const passwordHash = await this.hasher.hash(input.newPassword);
    const changed = await this.transactions.run(async (manager) => {
      const after = await this.users.update(manager, username, {
        password: { hash: passwordHash, changedAt: new Date() },
        endSessions: true,
        liftSignInLocks: true,
      });
      if (!after) throw userNotFound(username);
      await this.audit.append(manager, {
        actor: context.actor,
        action: 'user.password-change',
        target: `user:${username}`,
        summary: { passwordChanged: true, by: 'self', clientAddress: context.clientAddress },
        requestId: context.requestId,
      });
      return after;
    });
    this.authenticator.forgetUser(username);
    return { accessToken: await this.tokens.issue(username, changed.sessionEpoch) };
  }
}

function assertStrongPassword(password: string, username: string, path: string): void {
  const reason = weakPasswordReason(password, username);
  if (reason !== undefined) throw DomainException.invalidRequest([{ path, message: reason }]);
}

function userNotFound(username: string): DomainException {
  return new DomainException(ErrorCode.UserNotFound, `there is no user named '${username.slice(0, 64)}'`);
}
