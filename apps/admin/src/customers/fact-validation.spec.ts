import { compilePolicy, validateRecord, type CompiledPolicy, type FactDefinition, type PolicyDocument } from '@tierwise/policy';
import { loadPolicyDocument } from '@tierwise/policy/node';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFact, factsForSaving } from './fact-validation';

const SEED_POLICY = fileURLToPath(new URL('../../../../rules/default', import.meta.url));
const VALID = {
  nature: 'private',
  strength: 5,
  growth: 5,
  profitContribution: 5,
  relationship: 5,
  strategicImportance: 5,
  balance: 0,
  daysOverdue: 0,
  blacklisted: false,
  upgradePotential: false,
};

// Values a person could leave in each kind of input; undefined is "left empty".
const CANDIDATES: unknown[] = [undefined, 0, -1, 0.5, 7, 15, 15.01, 20, 21, 1e9, 'private', 'soe', 'nobody', '', true, false, '2026-02-30'];

describe('checkFact agrees with the policy package on every fact of the shipped policy', () => {
  let document: PolicyDocument;
  let policy: CompiledPolicy;
  beforeAll(async () => {
    document = (await loadPolicyDocument(SEED_POLICY)) as PolicyDocument;
    policy = compilePolicy(document);
  });

  it('flags a value exactly when validateRecord refuses it', () => {
    for (const [name, definition] of Object.entries(document.facts)) {
      for (const value of CANDIDATES) {
        const record: Record<string, unknown> = { ...VALID };
        if (value === undefined) delete record[name];
        else record[name] = value;
        // A blank optional fact is left out of what is sent (factsForSaving), as the form does.
        const check = validateRecord(factsForSaving(record), policy.catalogue);
        const refused = !check.ok && check.errors.some((error) => error.path === `/${name}`);
        expect(checkFact(definition, value) !== undefined, `${name} = ${JSON.stringify(value)}`).toBe(refused);
      }
    }
  });

  it('names the rule broken, with the bound or the allowed values', () => {
    const strength = document.facts['strength']!;
    expect(checkFact(strength, undefined)).toEqual({ message: 'tierwise.customers.validation.required' });
    expect(checkFact(strength, 16)).toEqual({ message: 'tierwise.customers.validation.max', args: { max: 15 } });
    expect(checkFact(strength, -1)).toEqual({ message: 'tierwise.customers.validation.min', args: { min: 0 } });
    expect(checkFact(document.facts['daysOverdue']!, 2.5)).toEqual({ message: 'tierwise.customers.validation.integer' });
    expect(checkFact(document.facts['nature']!, 'nobody')).toEqual({
      message: 'tierwise.customers.validation.oneOf',
      args: { values: 'government, soe, joint-stock, private' },
    });
    expect(checkFact(document.facts['balance']!, undefined)).toBeUndefined();
  });
});

describe('checkFact on dates', () => {
  const since: FactDefinition = { type: 'date', label: { en: 'Customer since' }, min: '2000-01-01', max: '2030-12-31', required: true };

  it('takes yyyy-mm-dd within the bounds and refuses other text, impossible days and dates outside them', () => {
    expect(checkFact(since, '2026-02-28')).toBeUndefined();
    expect(checkFact(since, '2026-02-30')).toEqual({ message: 'tierwise.customers.validation.date' });
    expect(checkFact(since, '28/02/2026')).toEqual({ message: 'tierwise.customers.validation.date' });
    expect(checkFact(since, '1999-12-31')).toEqual({ message: 'tierwise.customers.validation.min', args: { min: '2000-01-01' } });
    expect(checkFact(since, '2031-01-01')).toEqual({ message: 'tierwise.customers.validation.max', args: { max: '2030-12-31' } });
  });
});

describe('factsForSaving', () => {
  it('leaves blanks out so optional facts take their defaults', () => {
    expect(factsForSaving({ a: 1, b: null, c: '', d: false, e: 0, f: undefined })).toEqual({ a: 1, d: false, e: 0 });
    expect(factsForSaving(undefined)).toEqual({});
  });
});
