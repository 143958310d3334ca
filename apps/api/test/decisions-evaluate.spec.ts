import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// POST /api/v1/decisions/evaluate under the seed policy (rules/default). The
// expected decisions are worked out by hand from the policy's own numbers:
// tier A from 75 points, B from 60, C below; each scorecard criterion is the
// fact's value (nature by band: government 15, joint-stock 10, private 5).

const A_QUEUE = { priority: 1, greenChannel: true, slaSeconds: 20, slaTarget: 0.9 };
const B_QUEUE = { priority: 5, greenChannel: false, callbackWithinHours: 24, slaSeconds: 20, slaTarget: 0.85 };
const C_QUEUE = { priority: 9, greenChannel: false, slaSeconds: 20, slaTarget: 0.85 };

/** Facts worth `points` in total: nature government (15) and the rest spread over the numeric criteria. */
function factsWorth(points: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  let left = points - 15;
  const take = (max: number) => {
    const value = Math.min(max, left);
    left -= value;
    return value;
  };
  const facts = {
    nature: 'government',
    strength: take(15),
    growth: take(15),
    profitContribution: take(15),
    relationship: take(20),
    strategicImportance: take(20),
    balance: 10_000,
    ...extra,
  };
  if (left !== 0) throw new Error(`cannot make ${points} points`);
  return facts;
}

describe('POST /api/v1/decisions/evaluate', () => {
  let t: TestApp;
  let agent: Record<string, string>;
  let seedHash: string;

  beforeAll(async () => {
    t = await startTestApp();
    agent = await authHeaders(t, 'agent');
    const version = await t.app.inject({
      method: 'GET',
      url: '/api/v1/policies/default/versions/1',
      headers: await authHeaders(t, 'auditor'),
    });
    seedHash = version.json<{ hash: string }>().hash;
  });
  afterAll(async () => {
    await t?.close();
  });

  const evaluate = (payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/v1/decisions/evaluate', headers: agent, payload: payload as object });

  it('answers the whole decision at the A boundary (75 points is A): score, breakdown, treatments, explanation, policy', async () => {
    const response = await evaluate({ facts: factsWorth(75) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      customerId: null,
      tier: 'A',
      score: 75,
      breakdown: [
        { criterion: 'nature', points: 15, max: 15, reason: 'nature is government' },
        { criterion: 'strength', points: 15, max: 15, reason: 'strength is 15' },
        { criterion: 'growth', points: 15, max: 15, reason: 'growth is 15' },
        { criterion: 'profitContribution', points: 15, max: 15, reason: 'profitContribution is 15' },
        { criterion: 'relationship', points: 15, max: 20, reason: 'relationship is 15' },
        { criterion: 'strategicImportance', points: 0, max: 20, reason: 'strategicImportance is 0' },
      ],
      treatments: { accountManager: { dedicated: true }, queue: A_QUEUE },
      explanation: [
        'score 75 >= 75: tier A (key customer)',
        'tier A: dedicated account manager; green channel, priority 1 (90% answered within 20 s)',
      ],
      policy: { id: 'default', version: 1, hash: seedHash },
    });
    expect(seedHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it.each([
    { points: 74, tier: 'B', queue: B_QUEUE, reason: 'score 74 >= 60: tier B (ordinary customer)' },
    { points: 60, tier: 'B', queue: B_QUEUE, reason: 'score 60 >= 60: tier B (ordinary customer)' },
    { points: 59, tier: 'C', queue: C_QUEUE, reason: 'score 59 meets no other tier: tier C (small customer)' },
  ])('puts $points points in tier $tier', async ({ points, tier, queue, reason }) => {
    const response = await evaluate({ facts: factsWorth(points) });
    expect(response.statusCode).toBe(200);
    const decision = response.json<{ tier: string; score: number; treatments: Record<string, unknown>; explanation: string[] }>();
    expect(decision).toMatchObject({ tier, score: points, policy: { id: 'default', version: 1, hash: seedHash } });
    expect(decision.treatments).toEqual({ queue });
    expect(decision.explanation[0]).toBe(reason);
  });

  it('charges the small-account fee to a tier C customer with a low balance and no upgrade potential, echoing the customer id', async () => {
    const response = await evaluate({ customerId: 'WHATIF-1', facts: factsWorth(40, { balance: 100, upgradePotential: false }) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      customerId: 'WHATIF-1',
      tier: 'C',
      score: 40,
      treatments: { queue: C_QUEUE, fee: { amount: 40, currency: 'HKD', period: 'month' } },
      explanation: [
        'score 40 meets no other tier: tier C (small customer)',
        'tier C: normal queue, priority 9 (85% answered within 20 s)',
        'balance under 5,000 and no upgrade potential: monthly fee HKD 40',
      ],
    });
    // A what-if stores nothing.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/decisions/WHATIF-1', headers: agent })).statusCode).toBe(404);
  });

  it('lets a blacklist suppress every other treatment, whatever the tier', async () => {
    const response = await evaluate({ facts: factsWorth(100, { blacklisted: true }) });
    expect(response.json()).toMatchObject({
      tier: 'A',
      score: 100,
      treatments: { blacklist: { reason: 'on the blacklist' }, queue: { priority: 99, greenChannel: false } },
    });
    expect(Object.keys(response.json<{ treatments: object }>().treatments).sort()).toEqual(['blacklist', 'queue']);
  });

  it('answers a record that does not fit the policy with 422 listing every bad fact', async () => {
    const response = await evaluate({ facts: { ...factsWorth(60), strength: 'x', colour: 'red', nature: undefined } });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      type: 'urn:tierwise:problem:invalid-facts',
      status: 422,
      code: 'invalid-facts',
      detail: expect.stringContaining("policy 'default' v1") as string,
    });
    expect(
      response
        .json<{ errors: { path: string }[] }>()
        .errors.map((error) => error.path)
        .sort(),
    ).toEqual(['/facts/colour', '/facts/nature', '/facts/strength']);
  });

  it('answers a body of the wrong shape with 400, and an unknown version with 404', async () => {
    const shape = await evaluate({ fact: {}, customerId: 'has space' });
    expect(shape.statusCode).toBe(400);
    expect(
      shape
        .json<{ code: string; errors: { path: string }[] }>()
        .errors.map((error) => error.path)
        .sort(),
    ).toEqual(['/customerId', '/fact', '/facts']);
    const version = await evaluate({ facts: factsWorth(60), policyVersion: 99 });
    expect(version.statusCode).toBe(404);
    expect(version.json()).toMatchObject({ code: 'policy-version-not-found' });
  });
});
