import { DomainException } from '../../common/domain.exception.js';

// An RFC 3339 date-time with an explicit offset, so "when" is never the server's local guess. A `+`
// sent raw in a query string arrives as a space (form decoding): read back as the `+` it was.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+ -]\d{2}:\d{2})$/i;
const RULE = 'asOf must be a date-time with its offset, such as 2026-03-01T09:30:00Z or 2026-03-01T17:30:00%2B08:00';

/** GET /customers/{id}/decision[?asOf=...]: the moment asked about, or undefined for the decision in force now. */
export function parseAsOfQuery(query: Record<string, unknown>): Date | undefined {
  const unknown = Object.keys(query).filter((key) => key !== 'asOf');
  if (unknown.length > 0) {
    throw DomainException.invalidRequest(
      unknown.map((key) => ({ path: `/query/${key}`, message: `unknown parameter '${key}'; the only one is asOf` })),
    );
  }
  const raw = query['asOf'];
  if (raw === undefined) return undefined;
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
  const match = typeof raw === 'string' ? DATE_TIME.exec(raw) : null;
  const at = match ? new Date(`${match[1]}${match[2]!.replace(' ', '+')}`) : undefined;
  // Date rolls 2026-02-30 over to March: the calendar date must be the one written (in its own offset).
  if (!at || Number.isNaN(at.getTime()) || !sameCalendarDate(text, at, match![2]!)) {
    throw DomainException.invalidRequest([{ path: '/query/asOf', message: `${RULE}, not '${text.slice(0, 40)}'` }]);
  }
  return at;
}

function sameCalendarDate(raw: string, at: Date, offset: string): boolean {
  const minutes =
    offset.toUpperCase() === 'Z' ? 0 : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return new Date(at.getTime() + minutes * 60_000).toISOString().slice(0, 10) === raw.slice(0, 10);
}
