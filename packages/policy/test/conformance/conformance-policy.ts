import type { FactDefinition, PolicyDocument, TopLevelCondition } from '../../src/index.js';

// The policy every generated condition is tried in: one fact of each type the
// schema allows (required, optional, optional with a default), facts named after
// Object.prototype members, and a scorecard whose score, points and tier a record
// can steer exactly, so conditions on the scope facts see chosen values too.

const label = (en: string) => ({ en });

// Typed one by one: in an object literal, TypeScript types these keys from Object's own members.
const inherited = (definition: FactDefinition): FactDefinition => definition;

export const FACTS: Readonly<Record<string, FactDefinition>> = {
  amount: { type: 'number', label: label('Amount'), required: true, min: -100, max: 100 },
  growthPoints: { type: 'number', label: label('Growth points'), required: true, min: 0, max: 10 },
  count: { type: 'integer', label: label('Count'), required: false, min: 0 },
  ratio: { type: 'number', label: label('Ratio'), required: false, default: 0.5, min: 0, max: 1 },
  vip: { type: 'boolean', label: label('VIP'), required: false, default: false },
  flag: { type: 'boolean', label: label('Flag'), required: false },
  nature: { type: 'string', label: label('Nature'), required: false, enum: ['soe', 'private', 'joint-stock'], default: 'private' },
  segment: { type: 'string', label: label('Segment'), required: false, enum: ['retail', 'corporate'] },
  note: { type: 'string', label: label('Note'), required: false },
  since: { type: 'date', label: label('Since'), required: false, min: '2000-01-01', max: '2030-12-31' },
  opened: { type: 'date', label: label('Opened'), required: false, default: '2020-02-29' },
  // Names an object literal inherits: absent, they must read as absent.
  constructor: inherited({ type: 'number', label: label('Constructor'), required: false }),
  toString: inherited({ type: 'string', label: label('To string'), required: false, enum: ['x', 'y'] }),
  valueOf: inherited({ type: 'boolean', label: label('Value of'), required: false }),
  hasOwnProperty: inherited({ type: 'date', label: label('Has own property'), required: false }),
  isPrototypeOf: inherited({ type: 'integer', label: label('Is prototype of'), required: false, default: 3 }),
  propertyIsEnumerable: inherited({ type: 'string', label: label('Property is enumerable'), required: false }),
  toLocaleString: inherited({ type: 'number', label: label('To locale string'), required: false, default: -2.5 }),
};

/** Score = growthPoints + 5 when vip; tier A from 10, B from 5, none below. */
export const VIP_POINTS = 5;
export const TIER_A_FROM = 10;
export const TIER_B_FROM = 5;

export const PROBE_TREATMENT = 'probe';

/** The policy with `conditions` as the conditions of its one treatment rule. */
export function conformancePolicy(conditions: TopLevelCondition): PolicyDocument {
  return {
    id: 'conformance',
    name: label('Conformance'),
    facts: FACTS,
    grading: {
      scorecard: [
        { id: 'growth', label: label('Growth'), max: 10, points: { fact: 'growthPoints' } },
        {
          // A criterion id that is an Object.prototype member, read as points.$.constructor.
          id: 'constructor',
          label: label('VIP bonus'),
          max: VIP_POINTS,
          points: {
            rules: [{ id: 'vip-bonus', conditions: { all: [{ fact: 'vip', operator: 'equal', value: true }] }, points: VIP_POINTS }],
            otherwise: 0,
          },
        },
      ],
      // No catch-all: a low score has no tier, so conditions on the tier also meet null.
      tiers: [
        { id: 'A', label: label('A'), conditions: { all: [{ fact: 'score', operator: 'greaterThanInclusive', value: TIER_A_FROM }] } },
        { id: 'B', label: label('B'), conditions: { all: [{ fact: 'score', operator: 'greaterThanInclusive', value: TIER_B_FROM }] } },
      ],
    },
    treatments: [
      {
        id: 'probe',
        label: label('Probe'),
        priority: 1,
        conditions,
        treatments: [{ type: PROBE_TREATMENT, params: {} }],
        explanation: 'the probe condition holds',
      },
    ],
  };
}

/** What the scorecard makes of a record, worked out here without the policy package. */
export function expectedScope(facts: Readonly<Record<string, unknown>>): {
  score: number;
  points: Record<string, number>;
  tier: string | null;
} {
  const growth = facts['growthPoints'] as number;
  const bonus = facts['vip'] === true ? VIP_POINTS : 0;
  const score = growth + bonus;
  const tier = score >= TIER_A_FROM ? 'A' : score >= TIER_B_FROM ? 'B' : null;
  return { score, points: { growth, constructor: bonus }, tier };
}
