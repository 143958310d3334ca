// Customers' phone numbers in E.164 (+, country code, subscriber number; at most
// 15 digits), the form call-centre telephony hands over. Stored exactly so, so
// a lookup is one equality on a unique column.
export const PHONE_PATTERN = /^\+[1-9]\d{1,14}$/;

export const PHONE_RULE = "a phone number must be in E.164 form: '+', the country code and the number, digits only (e.g. +8613800000000)";

export function isPhone(value: unknown): value is string {
  return typeof value === 'string' && PHONE_PATTERN.test(value);
}

/**
 * A phone number from a query string. `+` there means a space unless sent as
 * %2B, and clients that paste +8613800000000 into a URL send exactly that; a
 * single leading space followed by an E.164 body can only be such a `+`, so it
 * is read as one. Undefined when the value is not a phone number either way.
 */
export function phoneFromQuery(raw: string): string | undefined {
  const restored = raw.startsWith(' ') ? `+${raw.slice(1)}` : raw;
  return PHONE_PATTERN.test(restored) ? restored : undefined;
}
