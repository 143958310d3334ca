import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';

// The unique constraint of migration 1796400000000 (customers.phone).
const PHONE_CONSTRAINT = 'customers_phone_unique';
const UNIQUE_VIOLATION = '23505';

/**
 * Runs a write; a phone number that another customer already has becomes a 409
 * naming the field. Which customer holds it is not said: the caller may not be
 * allowed to know, and the number alone is enough to look it up for one who is.
 */
export async function refusingTakenPhone<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isTakenPhone(error)) throw phoneTaken();
    throw error;
  }
}

export function isTakenPhone(error: unknown): boolean {
  // TypeORM wraps pg's error in driverError; PGlite's comes through as is.
  const candidates = [error, (error as { driverError?: unknown } | null)?.driverError];
  return candidates.some((candidate) => {
    const { code, constraint } = (candidate ?? {}) as { code?: unknown; constraint?: unknown };
    return code === UNIQUE_VIOLATION && constraint === PHONE_CONSTRAINT;
  });
}

export function phoneTaken(
  detail = 'that phone number already belongs to another customer; each number may belong to one customer only',
): DomainException {
  return new DomainException(ErrorCode.PhoneTaken, detail, [{ path: '/phone', message: 'another customer already has this phone number' }]);
}
