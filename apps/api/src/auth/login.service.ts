import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository.js';
import { ANONYMOUS_ACTOR } from '../common/actor.js';
import { USERNAME_PATTERN } from '../config/app-config.js';
import { invalidCredentials, tooManySignIns } from './auth.errors.js';
import type { LoginInput } from './dto/auth-inputs.js';
import { PasswordHasher } from './password-hasher.js';
import { isAuditedRefusal } from './sign-in-audit-sampling.js';
import { SignInThrottle, type SignInAttempt } from './sign-in-throttle.js';
import { TokenService } from './token.service.js';
import { UsersRepository } from './users.repository.js';

type RefusalReason = 'unknown-user' | 'wrong-password' | 'disabled' | 'locked';

// A typed-in user name is echoed into the audit log; keep a mistyped essay out of it.
const MAX_AUDITED_NAME = 64;

/** Who signs in, and from where (Fastify's request.ip: the proxy's address unless trustProxy says otherwise). */
export interface SignInRequest {
  requestId: string;
  clientAddress: string;
}

/**
 * Password sign-in for the console: a JWT on success, the same 401 for every
 * failure, 429 while the name is locked for this address (or everywhere). Every
 * success is audited; refusals are sampled (sign-in-audit-sampling.ts).
 */
@Injectable()
export class LoginService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly audit: AuditRepository,
    @Inject(SignInThrottle) private readonly throttle: SignInThrottle,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async login(input: LoginInput, request: SignInRequest): Promise<{ accessToken: string }> {
    // Read first: the throttle's keys carry the user's sign-in generation, which an unlock moves on.
    const user = USERNAME_PATTERN.test(input.username) ? await this.users.find(input.username) : null;
    const attempt: SignInAttempt = { username: input.username, generation: user?.signInGeneration ?? 0, address: request.clientAddress };
    const lock = await this.throttle.lockOf(attempt);
    if (lock) {
      await this.refused(attempt, 'locked', request, { lockedFor: lock.scope });
      throw tooManySignIns(input.username.slice(0, MAX_AUDITED_NAME), lock);
    }
    let failure: Exclude<RefusalReason, 'locked'> | undefined;
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
      await this.throttle.failed(attempt);
      await this.refused(attempt, failure, request);
      throw invalidCredentials();
    }
    await this.throttle.succeeded(attempt);
    const { username, role, sessionEpoch } = user!;
    await this.audit.append(this.dataSource.manager, {
      actor: `user:${username}`,
      action: 'auth.login',
      target: `user:${username}`,
      summary: { role, clientAddress: request.clientAddress },
      requestId: request.requestId,
    });
    return { accessToken: await this.tokens.issue(username, sessionEpoch) };
  }

  private async refused(attempt: SignInAttempt, reason: RefusalReason, request: SignInRequest, extra: object = {}): Promise<void> {
    const counts = await this.throttle.countRefusal(attempt);
    if (!isAuditedRefusal(counts)) return;
    await this.audit.append(this.dataSource.manager, {
      actor: ANONYMOUS_ACTOR,
      action: 'auth.login-failed',
      target: `user:${attempt.username.slice(0, MAX_AUDITED_NAME)}`,
      // attempts: refusals of this name from this address in the current window, this one included.
      summary: {
        reason,
        ...extra,
        clientAddress: request.clientAddress,
        attempts: counts.byNameAndAddress,
        attemptsFromAddress: counts.byAddress,
      },
      requestId: request.requestId,
    });
  }
}
