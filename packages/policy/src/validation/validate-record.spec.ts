import { describe, expect, it } from 'vitest';
import { recordCatalogue } from '../catalogue.js';
import { factFactory, policyFactory, populationFactFactory } from '../testing/policy-factory.js';
import { validateRecord } from './validate-record.js';

// revenue (required number 0..1000), headcount (required integer 1..),
// blacklisted (optional yes/no, default false), nature (required enum),
// founded (optional date 1900-01-01..2100-12-31), segment (optional text, default 'retail'),
// note (optional text, no default), and the population fact revenueRank.
const catalogue = recordCatalogue(
  policyFactory({
    facts: {
      revenue: factFactory({ min: 0, max: 1000, label: { en: 'Revenue' } }),
      headcount: factFactory({ type: 'integer', min: 1, label: { en: 'Headcount' } }),
      blacklisted: factFactory({ type: 'boolean', required: false, default: false }),
      nature: factFactory({ type: 'string', enum: ['soe', 'private'], label: { en: 'Customer nature' } }),
      founded: factFactory({ type: 'date', required: false, min: '1900-01-01', max: '2100-12-31' }),
      segment: factFactory({ type: 'string', required: false, default: 'retail' }),
      note: factFactory({ type: 'string', required: false }),
    },
    population: { revenueRank: populationFactFactory() },
  }),
);

const VALID = { customerId: 'c-1', revenue: 250.5, headcount: 12, nature: 'soe' };

function errorsFor(record: unknown) {
  const check = validateRecord(record, catalogue);
  return check.ok ? [] : check.errors;
}

describe('validateRecord', () => {
  it('accepts a valid record, fills defaults of absent optional facts and leaves the rest absent', () => {
    expect(validateRecord(VALID, catalogue)).toEqual({
      ok: true,
      facts: { revenue: 250.5, headcount: 12, nature: 'soe', blacklisted: false, segment: 'retail' },
    });
  });

  it('keeps a supplied value over the default', () => {
    expect(validateRecord({ ...VALID, blacklisted: true, segment: 'corporate' }, catalogue)).toMatchObject({
      ok: true,
      facts: { blacklisted: true, segment: 'corporate' },
    });
  });

  it('normalises a date to epoch milliseconds', () => {
    expect(validateRecord({ ...VALID, founded: '2001-02-03' }, catalogue)).toMatchObject({
      ok: true,
      facts: { founded: Date.UTC(2001, 1, 3) },
    });
  });

  it.each([42, null, 'revenue=1', [VALID], undefined])('rejects %j as a record', (record) => {
    expect(errorsFor(record)).toEqual([{ path: '', message: 'a customer record must be an object of facts' }]);
  });

  it('rejects an unknown fact', () => {
    expect(errorsFor({ ...VALID, turnover: 5 })).toEqual([{ path: '/turnover', message: "unknown fact 'turnover'" }]);
  });

  it('treats a key that only Object.prototype has as absent', () => {
    const odd = recordCatalogue(policyFactory({ facts: { valueOf: factFactory({ required: false, default: 3 }) } }));

    expect(validateRecord({}, odd)).toEqual({ ok: true, facts: { valueOf: 3 } });
    expect(errorsFor({ ...VALID, toString: 5 })).toEqual([{ path: '/toString', message: "unknown fact 'toString'" }]);
  });

  it('reports every missing required fact at once, by name and label', () => {
    expect(errorsFor({ customerId: 'c-1', headcount: 3 })).toEqual([
      { path: '/revenue', message: "'revenue' (Revenue) is required" },
      { path: '/nature', message: "'nature' (Customer nature) is required" },
    ]);
  });

  it('does not fill a required fact from its default', () => {
    const withDefault = recordCatalogue(policyFactory({ facts: { revenue: factFactory({ required: true, default: 0 }) } }));

    expect(validateRecord({}, withDefault)).toEqual({
      ok: false,
      errors: [{ path: '/revenue', message: "'revenue' (A fact) is required" }],
    });
  });

  it('rejects a population fact supplied in the record', () => {
    expect(errorsFor({ ...VALID, revenueRank: 1 })).toEqual([
      { path: '/revenueRank', message: "'revenueRank' is computed over all customers and cannot be supplied" },
    ]);
  });

  it.each([
    ['revenue', '12', `'revenue' must be a number, not "12"`],
    ['revenue', true, "'revenue' must be a number, not true"],
    ['headcount', 1.5, "'headcount' must be a whole number, not 1.5"],
    ['headcount', '3', `'headcount' must be a number, not "3"`],
    ['blacklisted', 'false', `'blacklisted' must be true or false, not "false"`],
    ['blacklisted', 0, "'blacklisted' must be true or false, not 0"],
    ['nature', 1, "'nature' must be text, not 1"],
    ['nature', 'charity', `'nature' must be one of soe, private, not "charity"`],
    ['note', 12, "'note' must be text, not 12"],
    ['founded', '03/02/2001', `'founded' must be a date written yyyy-mm-dd, not "03/02/2001"`],
    ['founded', 981158400000, "'founded' must be a date written yyyy-mm-dd, not 981158400000"],
  ])('rejects %s = %j without coercing it', (name, value, message) => {
    expect(errorsFor({ ...VALID, [name]: value })).toEqual([{ path: `/${name}`, message }]);
  });

  it.each([
    ['revenue', -1, "'revenue' is -1 but must be at least 0"],
    ['revenue', 1000.01, "'revenue' is 1000.01 but must be at most 1000"],
    ['headcount', 0, "'headcount' is 0 but must be at least 1"],
    ['founded', '1899-12-31', `'founded' is "1899-12-31" but must be at least 1900-01-01`],
    ['founded', '2101-01-01', `'founded' is "2101-01-01" but must be at most 2100-12-31`],
  ])('rejects %s = %j out of range', (name, value, message) => {
    expect(errorsFor({ ...VALID, [name]: value })).toEqual([{ path: `/${name}`, message }]);
  });

  it('accepts values on the inclusive bounds', () => {
    expect(validateRecord({ ...VALID, revenue: 1000, headcount: 1, founded: '1900-01-01' }, catalogue).ok).toBe(true);
    expect(validateRecord({ ...VALID, revenue: 0, founded: '2100-12-31' }, catalogue).ok).toBe(true);
  });

  it('rejects null rather than treating it as absent', () => {
    expect(errorsFor({ ...VALID, revenue: null, blacklisted: null })).toEqual([
      { path: '/revenue', message: "'revenue' must be a number, not null" },
      { path: '/blacklisted', message: "'blacklisted' must be true or false, not null" },
    ]);
  });

  it('reports every problem of a record in one call', () => {
    const record = { customerId: 'c-9', turnover: 1, revenueRank: 2, revenue: '12', headcount: 2.5, founded: '1800-01-01' };

    expect(errorsFor(record)).toEqual([
      { path: '/turnover', message: "unknown fact 'turnover'" },
      { path: '/revenueRank', message: "'revenueRank' is computed over all customers and cannot be supplied" },
      { path: '/revenue', message: `'revenue' must be a number, not "12"` },
      { path: '/headcount', message: "'headcount' must be a whole number, not 2.5" },
      { path: '/nature', message: "'nature' (Customer nature) is required" },
      { path: '/founded', message: `'founded' is "1800-01-01" but must be at least 1900-01-01` },
    ]);
  });

  it('escapes a fact name in the error pointer', () => {
    expect(errorsFor({ ...VALID, 'a/b': 1 })).toEqual([{ path: '/a~1b', message: "unknown fact 'a/b'" }]);
  });
});
