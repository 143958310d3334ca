import { ErrorCode } from './error-code.js';
import type { FieldError } from './field-error.js';

/**
 * The one exception services throw for a failure the client can act on.
 * `detail` is written for a business user: name the thing and what to change.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors: readonly FieldError[] = [],
    /** Extra problem members (RFC 9457 extensions), e.g. an import's error count. */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail);
    this.name = 'DomainException';
  }

  static customerNotFound(id: string): DomainException {
    return new DomainException(ErrorCode.CustomerNotFound, `there is no customer with id '${id}'`);
  }

  static invalidRequest(errors: readonly FieldError[]): DomainException {
    const detail = errors.length === 1 ? errors[0]!.message : `the request has ${errors.length} problems`;
    return new DomainException(ErrorCode.InvalidRequest, detail, errors);
  }
}
