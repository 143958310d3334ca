import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import type { Role } from './role.js';
import type { SignInLock } from './sign-in-throttle.js';

// The access-control failures, worded for the person or system that sees them.

export const SIGN_IN_HINT = 'send Authorization: Bearer <token> (from POST /api/v1/auth/login) or X-API-Key: <key>';

export function unauthenticated(detail: string): DomainException {
  return new DomainException(ErrorCode.Unauthenticated, detail);
}

/** One answer for an unknown user, a wrong password and a disabled user, so sign-in does not reveal which names exist. */
export function invalidCredentials(): DomainException {
  return new DomainException(ErrorCode.InvalidCredentials, 'the user name or password is wrong');
}

export function tooManySignIns(username: string, lock: SignInLock): DomainException {
  const minutes = Math.ceil(lock.retryAfterSeconds / 60);
  const where = lock.scope === 'name' ? 'from many addresses' : 'from this address';
  return new DomainException(
    ErrorCode.TooManySignIns,
    `too many failed sign-ins for '${username}' ${where}; try again in ${minutes} minute(s), or ask an admin to unlock it or set a new password`,
    [],
    { retryAfterSeconds: lock.retryAfterSeconds },
  );
}

export function forbidden(actor: string, role: Role, allowed: readonly Role[]): DomainException {
  const needed = allowed.filter((r) => r !== 'admin');
  const roles = needed.length === 0 ? "the 'admin' role" : `one of the roles ${[...needed, 'admin'].map((r) => `'${r}'`).join(', ')}`;
  return new DomainException(ErrorCode.Forbidden, `this needs ${roles}; ${actor} has the role '${role}'`);
}
