import type { PolicyDocument, TopLevelCondition } from '../../src/index.js';
import { factFactory, policyFactory, tierFactory } from '../../src/testing/policy-factory.js';

// Each case: a tier 'yes' with the condition under test before a catch-all 'no',
// so the tier says whether the condition held for the record.
export function conditionPolicy(conditions: TopLevelCondition): PolicyDocument {
  return policyFactory({
    facts: {
      region: factFactory({ type: 'string', enum: ['north', 'south', 'east'] }),
      blacklisted: factFactory({ type: 'boolean' }),
      a: factFactory({ min: 0, max: 100 }),
      b: factFactory({ min: 0, max: 100 }),
      since: factFactory({ type: 'date', required: false }),
      code: factFactory({ type: 'string', required: false }),
      note: factFactory({ required: false }),
    },
    grading: { tiers: [tierFactory('yes', conditions), tierFactory('no')] },
    treatments: [],
  });
}

export interface ConditionCustomer {
  region: string;
  blacklisted: boolean;
  a: number;
  b: number;
  since?: string;
  code?: string;
  note?: number;
}

/** The record each case changes in one place. */
export const customer: ConditionCustomer = { region: 'north', blacklisted: false, a: 10, b: 20 };
