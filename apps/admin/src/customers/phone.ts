// Phone numbers as the api stores them: E.164 (+, country code, number; 15 digits at most).
const E164 = /^\+[1-9]\d{1,14}$/;
// What people type between the digits: "+86 138-0000 (0000)".
const PUNCTUATION = /[\s\-().]/g;

export function phoneForSaving(text: string): string {
  return text.replace(PUNCTUATION, '');
}

/** A react-admin validator: blank is fine (no phone number), anything else must be E.164 once the punctuation is gone. */
export function validatePhone(value: unknown): { message: string; args: Record<string, never> } | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' && E164.test(phoneForSaving(value))
    ? undefined
    : { message: 'tierwise.customers.validation.phone', args: {} };
}
