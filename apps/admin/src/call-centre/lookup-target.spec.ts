import { describe, expect, it } from 'vitest';
import { decisionPath, parseLookup } from './lookup-target';

describe('parseLookup', () => {
  it('reads a customer id as an id, trimmed', () => {
    expect(parseLookup('  C-10007 ')).toEqual({ kind: 'id', id: 'C-10007' });
    expect(parseLookup('acme:eu.42_b')).toEqual({ kind: 'id', id: 'acme:eu.42_b' });
    // Digits alone are an id: customer ids may be numbers, phone numbers start with +.
    expect(parseLookup('8613800000000')).toEqual({ kind: 'id', id: '8613800000000' });
  });

  it('reads + and digits as an E.164 phone number, dropping the spaces, dashes and brackets people type', () => {
    expect(parseLookup('+8613800000000')).toEqual({ kind: 'phone', phone: '+8613800000000' });
    expect(parseLookup('+86 138-0000 (0000)')).toEqual({ kind: 'phone', phone: '+8613800000000' });
    expect(parseLookup('+852 2345.6789')).toEqual({ kind: 'phone', phone: '+85223456789' });
  });

  it('says empty for nothing, and invalid for what can be neither, so no request is sent', () => {
    expect(parseLookup('   ')).toEqual({ kind: 'empty' });
    expect(parseLookup('+0123')).toEqual({ kind: 'invalid', input: '+0123' });
    expect(parseLookup('+86 138 abc')).toEqual({ kind: 'invalid', input: '+86 138 abc' });
    expect(parseLookup('+1234567890123456')).toEqual({ kind: 'invalid', input: '+1234567890123456' });
    expect(parseLookup('C 10007')).toEqual({ kind: 'invalid', input: 'C 10007' });
    expect(parseLookup('-C1')).toEqual({ kind: 'invalid', input: '-C1' });
  });
});

describe('decisionPath', () => {
  it('asks the id route, or the phone route with + sent as %2B', () => {
    expect(decisionPath({ kind: 'id', id: 'C-10007' })).toBe('/decisions/C-10007');
    expect(decisionPath({ kind: 'id', id: 'acme:eu' })).toBe('/decisions/acme%3Aeu');
    expect(decisionPath({ kind: 'phone', phone: '+8613800000000' })).toBe('/decisions?phone=%2B8613800000000');
  });
});
