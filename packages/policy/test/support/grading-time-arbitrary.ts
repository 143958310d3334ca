import fc from 'fast-check';
import type { CompiledPolicy, Standing } from '../../src/index.js';

// The time of a grading and the customer's standing before it, for comparing
// the evaluators under downgrade protection: a first grading, or a standing in
// any tier of the policy (or none), entered up to 400 days before, with or
// without gradings below it.

const AT = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;
const iso = (millis: number) => new Date(millis).toISOString();

export interface GradingTime {
  at: string;
  standing?: Standing;
}

export function gradingTimeArbitrary(policy: CompiledPolicy): fc.Arbitrary<GradingTime> {
  const tiers = [...policy.ranking.map((tier) => tier.id), null];
  const standing = fc
    .record({
      tier: fc.constantFrom(...tiers),
      daysInTier: fc.integer({ min: 0, max: 400 }),
      below: fc.option(fc.record({ count: fc.integer({ min: 1, max: 4 }), days: fc.integer({ min: 0, max: 120 }) })),
    })
    .map(({ tier, daysInTier, below }): Standing => ({
      tier,
      since: iso(AT - daysInTier * DAY),
      below: below ? { count: below.count, since: iso(AT - Math.min(below.days, daysInTier) * DAY) } : null,
    }));
  return fc.oneof(
    { arbitrary: fc.constant({ at: iso(AT) }), weight: 1 },
    { arbitrary: standing.map((before) => ({ at: iso(AT), standing: before })), weight: 4 },
  );
}

export function sampleGradingTimes(policy: CompiledPolicy, count: number, seed: number): GradingTime[] {
  return fc.sample(gradingTimeArbitrary(policy), { numRuns: count, seed });
}
