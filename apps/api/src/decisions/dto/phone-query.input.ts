import { DomainException } from '../../common/domain.exception.js';
import { ErrorCode } from '../../common/error-code.js';
import { phoneFromQuery, PHONE_RULE } from '../../customers/phone.js';

/**
 * GET /decisions?phone=%2B8613800000000. A raw `+` arrives as a space (form
 * decoding); phoneFromQuery reads it back as the `+` it was, so a number pasted
 * into a URL still finds its customer. Anything else in the query is refused:
 * the route answers one customer, it is not a list.
 */
export function parsePhoneQuery(query: Record<string, unknown>): string {
  const unknown = Object.keys(query).filter((key) => key !== 'phone');
  if (unknown.length > 0) {
    throw new DomainException(
      ErrorCode.InvalidRequest,
      'decisions are not listed: read one by customer id (/decisions/{customerId}) or by phone (?phone=%2B8613800000000)',
      unknown.map((key) => ({ path: `/query/${key}`, message: `unknown parameter '${key}'; the only one is phone` })),
    );
  }
  const raw = query['phone'];
  if (typeof raw !== 'string' || raw === '') {
    throw DomainException.invalidRequest([
      { path: '/query/phone', message: 'phone is required, e.g. ?phone=%2B8613800000000; for a customer id use /decisions/{customerId}' },
    ]);
  }
  const phone = phoneFromQuery(raw);
  if (phone === undefined) throw DomainException.invalidRequest([{ path: '/query/phone', message: `${PHONE_RULE}; send + as %2B` }]);
  return phone;
}
