import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository.js';
import { ANONYMOUS_ACTOR } from '../common/actor.js';
import { USERNAME_PATTERN } from '../config/app-config.js';
import { invalidCredentials } from './auth.errors.js';
import type { LoginInput } from './dto/auth-inputs.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { TokenService } from './token.service.js';
import { UsersRepository } from './users.repository.js';

type FailureReason = 'unknown-user' | 'wrong-password' | 'disabled';
// (A sign-in refused while the name is locked is audited with reason 'locked'.)

// A typed-in user name is echoed into the audit log; keep a mistyped essay out of it.
const MAX_AUDITED_NAME = 64;

/** Password sign-in for the console: a JWT on success, the same 401 for every failure, an audit row either way. */
@Injectable()
export class LoginService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly audit: AuditRepository,
    private readonly throttle: LoginThrottle,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async login(input: LoginInput, requestId: string): Promise<{ accessToken: string }> {
    try {
      this.throttle.assertMayTry(input.username);
    } catch (locked) {
      await this.audit.append(this.dataSource.manager, {
        actor: ANONYMOUS_ACTOR,
        action: 'auth.login-failed',
        target: `user:${input.username.slice(0, MAX_AUDITED_NAME)}`,
        summary: { reason: 'locked' },
        requestId,
      });
      throw locked;
    }
    const user = USERNAME_PATTERN.test(input.username) ? await this.users.find(input.username) : null;
    let failure: FailureReason | undefined;
    if (!user) {
      await this.hasher.burn(input.password);
      failure = 'unknown-user';
    } else if (!(await this.hasher.verify(input.password, user.passwordHash))) {
      failure = 'wrong-password';
    } else if (user.disabled) {
      failure = 'disabled';
    }
    // The password is never recorded, whatever happened.
    if (failure !== undefined) {
      await this.audit.append(this.dataSource.manager, {
        actor: ANONYMOUS_ACTOR,
        action: 'auth.login-failed',
        target: `user:${input.username.slice(0, MAX_AUDITED_NAME)}`,
        summary: { reason: failure },
        requestId,
      });
      this.throttle.failed(input.username);
      throw invalidCredentials();
    }
    this.throttle.succeeded(input.username);
    const username = user!.username;
    await this.audit.append(this.dataSource.manager, {
      actor: `user:${username}`,
      action: 'auth.login',
      target: `user:${username}`,
      summary: { role: user!.role },
      requestId,
    });
    return { accessToken: this.tokens.issue(username) };
  }
}
