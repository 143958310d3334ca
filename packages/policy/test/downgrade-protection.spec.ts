import { beforeAll, describe, expect, it } from 'vitest';
import {
  compilePolicy,
  evaluate,
  trace,
  type CompiledPolicy,
  type Decision,
  type DowngradeProtection,
  type EvaluateOptions,
  type PolicyDocument,
  type Standing,
} from '../src/index.js';
import { loadPolicyDocument } from '../src/node/index.js';
import { rulesPath, shippedPolicy } from './support/policies.js';
import { seedCustomer } from './support/seed-customer.js';

// Each rule of downgrade protection, on the example policy (the reference
// scorecard: A >= 75, B >= 60, C) with the protection each spec needs. Every
// grading goes through both evaluators, which must agree on the decision and on
// the standing they hand back.

let example: PolicyDocument;
beforeAll(async () => {
  example = (await loadPolicyDocument(rulesPath('examples/downgrade-protection'))) as PolicyDocument;
});

function scorecardWith(protection: DowngradeProtection, edit?: (document: PolicyDocument) => void): CompiledPolicy {
  const document = structuredClone(example);
  document.grading.downgradeProtection = protection;
  edit?.(document);
  return compilePolicy(document);
}

/** An ISO date-time `n` days into 2026. */
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString();

interface Graded {
  decision: Decision;
  standing: Standing | undefined;
}

async function grade(policy: CompiledPolicy, record: unknown, options: EvaluateOptions): Promise<Graded> {
  const fast = evaluate(policy, record, options);
  const traced = await trace(policy, record, options);
  if (!fast.ok) throw new Error(`evaluate refused: ${JSON.stringify(fast.errors)}`);
  if (!traced.ok) throw new Error(`trace refused: ${JSON.stringify(traced.errors)}`);
  expect(traced.decision).toEqual(fast.decision);
  expect(traced.standing).toEqual(fast.standing);
  return { decision: fast.decision, standing: fast.standing };
}

/** Grades one customer at each [day, score] in turn, passing on the standing each grading returns. */
async function history(policy: CompiledPolicy, start: Standing | undefined, gradings: [number, number][]) {
  let standing = start;
  const steps: { tier: string | null; line: string; standing: Standing | undefined; decision: Decision }[] = [];
  for (const [n, score] of gradings) {
    const graded = await grade(policy, seedCustomer({ nature: 'private', score }), { at: day(n), ...(standing ? { standing } : {}) });
    standing = graded.standing;
    steps.push({ tier: graded.decision.tier, line: graded.decision.explanation[0]!, standing, decision: graded.decision });
  }
  return steps;
}

const inA: Standing = { tier: 'A', since: day(0), below: null };

describe('downgrade protection: N consecutive gradings', () => {
  it('keeps the tier until the Nth consecutive grading below it, then lets the customer fall', async () => {
    const policy = scorecardWith({ gradings: 2 });
    const [first, second] = await history(policy, inA, [
      [100, 68],
      [130, 65],
    ]);
    expect(first!.tier).toBe('A');
    expect(first!.line).toBe('score 68 would give B; kept A, grace 1 of 2');
    expect(first!.decision.protection).toEqual({ ruledTier: 'B', keptTier: 'A', gradings: { count: 1, of: 2 }, reason: 'grace 1 of 2' });
    expect(first!.standing).toEqual({ tier: 'A', since: day(0), below: { count: 1, since: day(100) } });
    expect(second!.tier).toBe('B');
    expect(second!.line).toBe('score 65 >= 60: tier B (ordinary customer)');
    expect(second!.decision).not.toHaveProperty('protection');
    expect(second!.standing).toEqual({ tier: 'B', since: day(130), below: null });
  });

  it('counts only consecutive gradings: a grading back in the tier starts the count again', async () => {
    const steps = await history(scorecardWith({ gradings: 2 }), inA, [
      [100, 68],
      [130, 80],
      [160, 68],
      [190, 68],
    ]);
    expect(steps.map((step) => step.tier)).toEqual(['A', 'A', 'A', 'B']);
    expect(steps[1]!.standing).toEqual({ tier: 'A', since: day(0), below: null });
    expect(steps[2]!.line).toBe('score 68 would give B; kept A, grace 1 of 2');
  });

  it('needs no date when it counts only gradings, and then hands back no standing', async () => {
    const policy = scorecardWith({ gradings: 3 });
    const graded = await grade(policy, seedCustomer({ score: 68 }), { standing: { ...inA, below: { count: 1, since: day(10) } } });
    expect(graded.decision.explanation[0]).toBe('score 68 would give B; kept A, grace 2 of 3');
    expect(graded.standing).toBeUndefined();
  });
});

describe('downgrade protection: D days', () => {
  it('keeps the tier until D days after the first grading below it', async () => {
    const steps = await history(scorecardWith({ days: 30 }), inA, [
      [100, 68],
      [120, 68],
      [130, 68],
    ]);
    expect(steps.map((step) => [step.tier, step.line])).toEqual([
      ['A', 'score 68 would give B; kept A, 0 of 30 days'],
      ['A', 'score 68 would give B; kept A, 20 of 30 days'],
      ['B', 'score 68 >= 60: tier B (ordinary customer)'],
    ]);
    expect(steps[1]!.decision.protection).toEqual({ ruledTier: 'B', keptTier: 'A', days: { count: 20, of: 30 }, reason: '20 of 30 days' });
    expect(steps[1]!.standing).toEqual({ tier: 'A', since: day(0), below: { count: 2, since: day(100) } });
  });

  it('counts whole days in the explanation and exact time against the limit', async () => {
    const policy = scorecardWith({ days: 30 });
    const standing: Standing = { ...inA, below: { count: 1, since: '2026-04-11T12:00:00Z' } };
    const almost = await grade(policy, seedCustomer({ score: 68 }), { standing, at: '2026-05-11T11:59:59Z' });
    expect(almost.decision.explanation[0]).toBe('score 68 would give B; kept A, 29 of 30 days');
    const reached = await grade(policy, seedCustomer({ score: 68 }), { standing, at: '2026-05-11T12:00:00Z' });
    expect(reached.decision.tier).toBe('B');
  });
});

describe('downgrade protection: whichever comes first', () => {
  it('falls on the Nth grading when gradings come before the days run out', async () => {
    const steps = await history(scorecardWith({ gradings: 3, days: 30 }), inA, [
      [100, 68],
      [101, 68],
      [102, 68],
    ]);
    expect(steps.map((step) => [step.tier, step.line])).toEqual([
      ['A', 'score 68 would give B; kept A, grace 1 of 3, 0 of 30 days'],
      ['A', 'score 68 would give B; kept A, grace 2 of 3, 1 of 30 days'],
      ['B', 'score 68 >= 60: tier B (ordinary customer)'],
    ]);
  });

  it('falls when the days run out before N gradings', async () => {
    const steps = await history(scorecardWith({ gradings: 3, days: 30 }), inA, [
      [100, 68],
      [140, 68],
    ]);
    expect(steps.map((step) => step.tier)).toEqual(['A', 'B']);
  });
});

describe('downgrade protection: one tier at a time', () => {
  it('lets a customer the rules put two tiers down fall one tier, then one more after a new grace', async () => {
    const steps = await history(scorecardWith({ gradings: 2 }), inA, [
      [100, 40],
      [130, 40],
      [160, 40],
      [190, 40],
    ]);
    expect(steps.map((step) => [step.tier, step.line])).toEqual([
      ['A', 'score 40 would give C; kept A, grace 1 of 2'],
      ['B', 'score 40 would give C; falls from A to B only, one tier at a time'],
      ['B', 'score 40 would give C; kept B, grace 1 of 2'],
      ['C', 'score 40 meets no other tier: tier C (small customer)'],
    ]);
    expect(steps[1]!.decision.protection).toEqual({ ruledTier: 'C', keptTier: 'B', reason: 'one tier at a time' });
    expect(steps[1]!.standing).toEqual({ tier: 'B', since: day(130), below: null });
    // Treatments follow the tier kept: B's queue, not C's fee.
    expect(steps[1]!.decision.treatments).toEqual({
      queue: { priority: 5, greenChannel: false, callbackWithinHours: 24, slaSeconds: 20, slaTarget: 0.85 },
    });
  });
});

describe('downgrade protection: minimum time in tier', () => {
  it('holds a customer whose grace has run out until it has been long enough in its tier', async () => {
    const steps = await history(scorecardWith({ gradings: 2, minimumDaysInTier: 90 }), inA, [
      [30, 68],
      [60, 68],
      [90, 68],
    ]);
    expect(steps.map((step) => [step.tier, step.line])).toEqual([
      ['A', 'score 68 would give B; kept A, grace 1 of 2, 30 of the minimum 90 days in A'],
      ['A', 'score 68 would give B; kept A, 60 of the minimum 90 days in A'],
      ['B', 'score 68 >= 60: tier B (ordinary customer)'],
    ]);
    expect(steps[1]!.decision.protection).toEqual({
      ruledTier: 'B',
      keptTier: 'A',
      gradings: { count: 2, of: 2 },
      daysInTier: { count: 60, of: 90 },
      reason: '60 of the minimum 90 days in A',
    });
  });

  it('counts the time in the tier the customer fell to from the fall', async () => {
    const steps = await history(scorecardWith({ gradings: 1, minimumDaysInTier: 90 }), inA, [
      [100, 40],
      [130, 40],
      [190, 40],
    ]);
    expect(steps.map((step) => [step.tier, step.line])).toEqual([
      ['B', 'score 40 would give C; falls from A to B only, one tier at a time'],
      ['B', 'score 40 would give C; kept B, 30 of the minimum 90 days in B'],
      ['C', 'score 40 meets no other tier: tier C (small customer)'],
    ]);
  });
});

describe('downgrade protection: upgrades', () => {
  it('lifts a customer at once, however new in its tier and however many tiers up', async () => {
    const [step] = await history(scorecardWith({ gradings: 2, days: 60, minimumDaysInTier: 90 }), { tier: 'C', since: day(95) }, [
      [100, 80],
    ]);
    expect(step!.tier).toBe('A');
    expect(step!.line).toBe('score 80 >= 75: tier A (key customer)');
    expect(step!.decision).not.toHaveProperty('protection');
    expect(step!.standing).toEqual({ tier: 'A', since: day(100), below: null });
  });

  it('clears the count when the rules give the tier back', async () => {
    const standing: Standing = { tier: 'B', since: day(0), below: { count: 1, since: day(50) } };
    const [step] = await history(scorecardWith({ gradings: 2 }), standing, [[100, 65]]);
    expect(step!.standing).toEqual({ tier: 'B', since: day(0), below: null });
  });
});

describe('downgrade protection and a tier set by hand', () => {
  const below: Standing = { tier: 'A', since: day(0), below: { count: 1, since: day(70) } };

  it('gives the tier set by hand, not the tier protection would keep', async () => {
    const graded = await grade(scorecardWith({ gradings: 3 }), seedCustomer({ score: 68 }), {
      standing: below,
      at: day(100),
      tierOverride: { tier: 'C', reason: 'disputed contract' },
    });
    expect(graded.decision.tier).toBe('C');
    expect(graded.decision).not.toHaveProperty('protection');
    expect(graded.decision.explanation[0]).toBe(
      'tier C (small customer) set by hand: disputed contract (by the rules: score 68 >= 60: tier B (ordinary customer))',
    );
    expect(graded.standing).toEqual({ tier: 'C', since: day(100), below: null });
  });

  it('keeps counting the gradings below a tier held by hand, so the customer falls as due when the hand lets go', async () => {
    const policy = scorecardWith({ gradings: 2 });
    const held = await grade(policy, seedCustomer({ score: 68 }), {
      standing: below,
      at: day(100),
      tierOverride: { tier: 'A', reason: 'strategic partner' },
    });
    expect(held.decision).not.toHaveProperty('protection');
    expect(held.standing).toEqual({ tier: 'A', since: day(0), below: { count: 2, since: day(70) } });
    const [released] = await history(policy, held.standing, [[130, 68]]);
    expect(released!.tier).toBe('B');
  });
});

describe('downgrade protection and no tier', () => {
  // The scorecard without tier C: a score below 60 gets no tier.
  const withoutC = (document: PolicyDocument) => {
    document.grading.tiers = document.grading.tiers.filter((tier) => tier.id !== 'C');
    document.treatments = document.treatments!.filter((rule) => !JSON.stringify(rule.conditions).includes('"C"'));
  };

  it('ranks no tier below every tier: a customer falls to it one tier at a time, and rises from it at once', async () => {
    const policy = scorecardWith({ gradings: 2 }, withoutC);
    const steps = await history(policy, inA, [
      [100, 40],
      [130, 40],
      [160, 40],
      [190, 40],
      [220, 40],
      [250, 62],
    ]);
    expect(steps.map((step) => [step.tier, step.line])).toEqual([
      ['A', 'score 40 would give no tier; kept A, grace 1 of 2'],
      ['B', 'score 40 would give no tier; falls from A to B only, one tier at a time'],
      ['B', 'score 40 would give no tier; kept B, grace 1 of 2'],
      [null, 'score 40: no tier applies'],
      [null, 'score 40: no tier applies'],
      ['B', 'score 62 >= 60: tier B (ordinary customer)'],
    ]);
    expect(steps[2]!.decision.protection).toMatchObject({ ruledTier: null, keptTier: 'B' });
    expect(steps[3]!.standing).toEqual({ tier: null, since: day(190), below: null });
    expect(steps[4]!.standing).toEqual({ tier: null, since: day(190), below: null });
  });
});

describe('downgrade protection: ranking', () => {
  let abc: PolicyDocument;
  beforeAll(async () => {
    abc = (await loadPolicyDocument(rulesPath('examples/abc-pareto'))) as PolicyDocument;
  });

  function abcWith(protection: DowngradeProtection): CompiledPolicy {
    const document = structuredClone(abc);
    document.grading.downgradeProtection = protection;
    return compilePolicy(document);
  }

  const lossMaking = { customerId: 'c-9', annualProfit: -500 };
  const facts = { populationFacts: { profitShare: 1, profitRank: 40 } };

  it('ranks the tiers as the ranking says, not in the order they are tried', async () => {
    const policy = abcWith({ gradings: 2, ranking: ['A', 'B', 'C', 'D'] });
    const first = await grade(policy, lossMaking, { ...facts, standing: { tier: 'A', since: day(0) }, at: day(100) });
    expect(first.decision.tier).toBe('A');
    // No scorecard: the explanation says what the rules give.
    expect(first.decision.explanation[0]).toBe('the rules would give D; kept A, grace 1 of 2');
    const second = await grade(policy, lossMaking, { ...facts, standing: first.standing!, at: day(130) });
    expect(second.decision.tier).toBe('B');
    expect(second.decision.explanation[0]).toBe('the rules would give D; falls from A to B only, one tier at a time');
    expect(second.decision.treatments['queue']).toEqual({ priority: 5, greenChannel: false });
  });

  it('ranks the tiers in their listed order without a ranking: D, tried first, ranks first', async () => {
    const policy = abcWith({ gradings: 2 });
    const graded = await grade(policy, lossMaking, { ...facts, standing: { tier: 'A', since: day(0) }, at: day(100) });
    expect(graded.decision.tier).toBe('D');
    expect(graded.decision).not.toHaveProperty('protection');
  });
});

describe('the standing a grading hands back', () => {
  it('starts a first grading (no standing) in the tier the rules give, from `at`', async () => {
    const graded = await grade(scorecardWith({ gradings: 2 }), seedCustomer({ score: 68 }), { at: day(5) });
    expect(graded.decision.tier).toBe('B');
    expect(graded.standing).toEqual({ tier: 'B', since: day(5), below: null });
  });

  it('is handed back under a policy without protection too, keeping `since` while the tier holds', async () => {
    const policy = await shippedPolicy('default');
    const graded = await grade(policy, seedCustomer({ score: 68 }), { standing: { tier: 'B', since: day(1) }, at: day(40) });
    expect(graded.standing).toEqual({ tier: 'B', since: day(1), below: null });
    const fallen = await grade(policy, seedCustomer({ score: 30 }), { standing: { tier: 'B', since: day(1) }, at: day(40) });
    expect(fallen.decision.tier).toBe('C');
    expect(fallen.standing).toEqual({ tier: 'C', since: day(40), below: null });
  });

  it('is not handed back without `at`', () => {
    const evaluation = evaluate(scorecardWith({ gradings: 2 }), seedCustomer({ score: 68 }));
    expect(evaluation.ok && 'standing' in evaluation).toBe(false);
  });

  it('treats a standing in a tier the policy does not have as a first grading', async () => {
    const graded = await grade(scorecardWith({ gradings: 2 }), seedCustomer({ score: 68 }), {
      standing: { tier: 'high-high', since: day(0), below: { count: 1, since: day(50) } },
      at: day(100),
    });
    expect(graded.decision.tier).toBe('B');
    expect(graded.standing).toEqual({ tier: 'B', since: day(100), below: null });
  });
});

describe('the example policy rules/examples/downgrade-protection', () => {
  it('explains a customer held in A as the README shows', async () => {
    const policy = await shippedPolicy('examples/downgrade-protection');
    const graded = await grade(policy, seedCustomer({ score: 68 }), { standing: inA, at: day(200) });
    expect(graded.decision).toMatchObject({
      tier: 'A',
      explanation: [
        'score 68 would give B; kept A, grace 1 of 2, 0 of 60 days',
        expect.stringMatching(/^tier A: dedicated account manager/),
      ],
      protection: {
        ruledTier: 'B',
        keptTier: 'A',
        gradings: { count: 1, of: 2 },
        days: { count: 0, of: 60 },
        daysInTier: { count: 200, of: 90 },
        reason: 'grace 1 of 2, 0 of 60 days',
      },
    });
    expect(graded.decision.treatments['accountManager']).toEqual({ dedicated: true });
  });
});

describe('what a grading with protection refuses', () => {
  it('refuses a standing without `at` when the policy counts days, in evaluate and in trace', async () => {
    const policy = await shippedPolicy('examples/downgrade-protection');
    const expected = {
      ok: false,
      customerId: 'c-test',
      errors: [
        {
          path: '/at',
          message:
            "policy 'downgrade-protection' protects downgrades by days: give the date-time of this grading (at) with the customer's standing",
        },
      ],
    };
    expect(evaluate(policy, seedCustomer({ score: 68 }), { standing: inA })).toEqual(expected);
    expect(await trace(policy, seedCustomer({ score: 68 }), { standing: inA })).toEqual(expected);
  });

  it('names every malformed date and count, and a tier set by hand the policy lacks, at once', () => {
    const policy = scorecardWith({ gradings: 2 });
    const evaluation = evaluate(policy, seedCustomer({ score: 68 }), {
      tierOverride: { tier: 'Z', reason: 'typo' },
      at: '1 March',
      standing: { tier: 'A', since: '2026-13-01', below: { count: 0, since: day(3) } },
    });
    expect(evaluation).toEqual({
      ok: false,
      customerId: 'c-test',
      errors: [
        { path: '/tierOverride/tier', message: "'Z' is not a tier of this policy; its tiers are A, B, C" },
        { path: '/at', message: 'at must be an ISO 8601 date-time such as 2026-03-01T00:00:00Z, not "1 March"' },
        {
          path: '/standing/since',
          message: 'the standing\'s since must be an ISO 8601 date-time such as 2026-03-01T00:00:00Z, not "2026-13-01"',
        },
        { path: '/standing/below/count', message: "below's count must be a whole number from 1, not 0" },
      ],
    });
  });

  it('refuses a standing dated after the grading', () => {
    const evaluation = evaluate(scorecardWith({ gradings: 2 }), seedCustomer({ score: 68 }), {
      standing: { tier: 'A', since: day(10), below: { count: 1, since: day(20) } },
      at: day(5),
    });
    expect(evaluation).toMatchObject({
      ok: false,
      errors: [
        { path: '/standing/since', message: `the customer entered its tier at ${day(10)}, after this grading (${day(5)})` },
        {
          path: '/standing/below/since',
          message: `the customer first graded below its tier at ${day(20)}, after this grading (${day(5)})`,
        },
      ],
    });
  });
});
