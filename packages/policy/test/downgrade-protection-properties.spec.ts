import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  compilePolicy,
  evaluate,
  trace,
  type CompiledPolicy,
  type DowngradeProtection,
  type PolicyDocument,
  type Standing,
} from '../src/index.js';
import { loadPolicyDocument } from '../src/node/index.js';
import { rulesPath } from './support/policies.js';
import { seedCustomer } from './support/seed-customer.js';

// Downgrade protection over random settings and random histories of one
// customer: each grading is checked against the rules as the policy states
// them, from the standing the previous grading handed back, and the trace must
// agree with evaluate at every step.

let example: PolicyDocument;
beforeAll(async () => {
  example = (await loadPolicyDocument(rulesPath('examples/downgrade-protection'))) as PolicyDocument;
});

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);
const RANKING = ['A', 'B', 'C'];
const rank = (tier: string | null) => (tier === null ? RANKING.length : RANKING.indexOf(tier));

const protectionArbitrary: fc.Arbitrary<DowngradeProtection> = fc
  .record(
    {
      gradings: fc.integer({ min: 1, max: 4 }),
      days: fc.integer({ min: 0, max: 90 }),
      minimumDaysInTier: fc.integer({ min: 0, max: 120 }),
    },
    { requiredKeys: [] },
  )
  .filter((protection) => protection.gradings !== undefined || protection.days !== undefined);

const historyArbitrary = fc.array(fc.record({ score: fc.integer({ min: 5, max: 90 }), gap: fc.integer({ min: 1, max: 60 }) }), {
  minLength: 1,
  maxLength: 10,
});

function protectedBy(protection: DowngradeProtection): CompiledPolicy {
  const document = structuredClone(example);
  document.grading.downgradeProtection = protection;
  return compilePolicy(document);
}

describe('downgrade protection over random histories', () => {
  it('never falls below the rules, rises at once, falls one tier at a time and only when the grace and the time in tier are over', async () => {
    await fc.assert(
      fc.asyncProperty(protectionArbitrary, historyArbitrary, async (protection, gradings) => {
        const policy = protectedBy(protection);
        let standing: Standing | undefined;
        let now = START;
        for (const { score, gap } of gradings) {
          now += gap * DAY;
          const at = new Date(now).toISOString();
          const record = seedCustomer({ nature: 'private', score });
          const ruled = score >= 75 ? 'A' : score >= 60 ? 'B' : 'C';
          const options = standing ? { standing, at } : { at };
          const fast = evaluate(policy, record, options);
          const traced = await trace(policy, record, options);
          if (!fast.ok || !traced.ok) throw new Error('a valid grading was refused');
          expect(traced.decision).toEqual(fast.decision);
          expect(traced.standing).toEqual(fast.standing);
          const { decision } = fast;
          const next = fast.standing!;
          const tier = decision.tier;

          expect(rank(tier)).toBeLessThanOrEqual(rank(ruled));
          if (decision.protection) expect(decision.protection).toMatchObject({ ruledTier: ruled, keptTier: tier });
          else expect(tier).toBe(ruled);

          if (!standing || rank(ruled) <= rank(standing.tier)) {
            expect(tier).toBe(ruled);
          } else {
            const count = (standing.below?.count ?? 0) + 1;
            const daysBelow = (now - Date.parse(standing.below?.since ?? at)) / DAY;
            const daysInTier = (now - Date.parse(standing.since)) / DAY;
            const graceOver =
              (protection.gradings !== undefined && count >= protection.gradings) ||
              (protection.days !== undefined && daysBelow >= protection.days);
            const mayFall = graceOver && (protection.minimumDaysInTier === undefined || daysInTier >= protection.minimumDaysInTier);
            expect(rank(tier)).toBe(rank(standing.tier) + (mayFall ? 1 : 0));
          }

          expect(next.tier).toBe(tier);
          if (!standing || standing.tier !== tier) expect(next).toEqual({ tier, since: at, below: null });
          else if (rank(ruled) > rank(tier)) expect(next.below?.count).toBe((standing.below?.count ?? 0) + 1);
          else expect(next.below).toBeNull();
          standing = next;
        }
      }),
      { numRuns: 300, seed: 8_005 },
    );
  });
});
