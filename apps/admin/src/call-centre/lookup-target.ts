// What the agent typed: a customer id or a phone number. Phone numbers are E.164 (the api's
// PHONE_PATTERN); customer ids never contain '+' or spaces, so a leading '+' means a phone number.

export type LookupTarget = { kind: 'id'; id: string } | { kind: 'phone'; phone: string };

export type ParsedLookup = LookupTarget | { kind: 'empty' } | { kind: 'invalid'; input: string };

const PHONE_PATTERN = /^\+[1-9]\d{1,14}$/;
const CUSTOMER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
// What people type between the digits of a number read out to them: "+86 138-0000 (0000)".
const PHONE_PUNCTUATION = /[\s\-().]/g;

export function parseLookup(raw: string): ParsedLookup {
  const input = raw.trim();
  if (input === '') return { kind: 'empty' };
  if (input.startsWith('+')) {
    const phone = input.replace(PHONE_PUNCTUATION, '');
    return PHONE_PATTERN.test(phone) ? { kind: 'phone', phone } : { kind: 'invalid', input };
  }
  return CUSTOMER_ID.test(input) ? { kind: 'id', id: input } : { kind: 'invalid', input };
}

/** The one api path that answers a lookup (relative to API_URL). */
export function decisionPath(target: LookupTarget): string {
  return target.kind === 'phone' ? `/decisions?phone=${encodeURIComponent(target.phone)}` : `/decisions/${encodeURIComponent(target.id)}`;
}
