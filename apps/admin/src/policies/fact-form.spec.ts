import { describe, expect, it } from 'vitest';
import { factErrors, factsFromForm, initialFactValues } from './fact-form';
import type { FactDefinition } from './policy-types';

const facts: Record<string, FactDefinition> = {
  nature: { type: 'string', enum: ['soe', 'private'], label: { en: 'Customer nature' }, required: true },
  growth: { type: 'number', min: 0, max: 15, label: { en: 'Growth' }, required: true },
  daysOverdue: { type: 'integer', min: 0, default: 0, label: { en: 'Days overdue' } },
  blacklisted: { type: 'boolean', default: false, label: { en: 'Blacklisted' } },
  upgradePotential: { type: 'boolean', label: { en: 'Upgrade potential' } },
  since: { type: 'date', label: { en: 'Customer since' } },
};

describe('fact form', () => {
  it('starts from each fact default, empty where there is none', () => {
    expect(initialFactValues(facts)).toEqual({
      nature: '',
      growth: '',
      daysOverdue: '0',
      blacklisted: false,
      upgradePotential: false,
      since: '',
    });
  });

  it('types what was entered and leaves empty fields out', () => {
    const values = { ...initialFactValues(facts), nature: 'soe', growth: '12.5', since: '2024-01-31' };
    expect(factsFromForm(facts, values)).toEqual({
      nature: 'soe',
      growth: 12.5,
      daysOverdue: 0,
      blacklisted: false,
      upgradePotential: false,
      since: '2024-01-31',
    });
    expect(factsFromForm(facts, { ...values, growth: ' ', nature: '' })).not.toHaveProperty('growth');
  });

  it('sends a number that does not parse as typed, for the api to name', () => {
    expect(factsFromForm(facts, { ...initialFactValues(facts), growth: '12,5' })).toMatchObject({ growth: '12,5' });
  });

  it('puts invalid-facts errors next to their fact', () => {
    expect(
      factErrors([
        { path: '/facts/growth', message: 'must be at most 15' },
        { path: '/facts/growth', message: 'is required' },
        { path: '/facts/a~1b', message: 'odd name' },
        { path: '/customerId', message: 'not a fact' },
      ]),
    ).toEqual({ growth: 'must be at most 15; is required', 'a/b': 'odd name' });
  });
});
