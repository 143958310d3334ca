import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders } from './support/auth.js';
import { customerFactory } from './support/customer.factory.js';
import { waitForRun, type RunBody } from './support/grading-runs.js';
import { putCustomer } from './support/http.js';
import { call, draftOf, policyVariant, seedDocument, withUnknownFact, type PolicyDocument } from './support/policies-helpers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Issue 8, point 2: a simulation runs a version over the stored customers and writes nothing but
// its counts. Five customers whose outcome is counted by hand under a draft that raises tier B
// from 60 to 70 points (the seed scorecard: A facts 100 points, B 64, C 30):
//   SIM-A        100, tier A: dedicated account manager, green channel       -> stays A
//   SIM-B         64, tier B, balance 2,000                                 -> C, and now charged the HKD 40 fee
//   SIM-BLACK     64, tier B, blacklisted (the blacklist suppresses the rest) -> C, still blacklisted, no fee
//   SIM-C-FEE     30, tier C, balance 1,000, no upgrade potential: HKD 40    -> stays C, still charged
//   SIM-C         30, tier C, balance 10,000                                -> stays C
describe('impact simulation', () => {
  let t: TestApp;
  let seed: PolicyDocument;

  beforeAll(async () => {
    t = await startTestApp();
    seed = await seedDocument(t);
    const admin = await authHeaders(t, 'admin');
    const customers = [
      customerFactory({ id: 'SIM-A', tier: 'A' }),
      customerFactory({ id: 'SIM-B', tier: 'B', facts: { balance: 2000 } }),
      customerFactory({ id: 'SIM-BLACK', tier: 'B', facts: { blacklisted: true } }),
      customerFactory({ id: 'SIM-C-FEE', tier: 'C', facts: { balance: 1000 } }),
      customerFactory({ id: 'SIM-C', tier: 'C' }),
    ];
    for (const customer of customers) expect((await putCustomer(t.app, customer, admin)).statusCode).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  const simulate = (version: number, role: 'author' | 'publisher' | 'agent' = 'publisher') =>
    call(t, role, 'POST', `/api/v1/policies/default/versions/${version}/simulate`, {});

  it('counts a draft’s tiers, migration and treatment costs against a hand count, and writes no decision', async () => {
    const draft = await draftOf(
      t,
      policyVariant(seed, (copy) => {
        copy.grading.tiers[1]!.conditions = { all: [{ fact: 'score', operator: 'greaterThanInclusive', value: 70 }] };
      }),
    );
    const decisionsBefore = await t.db.sql(`SELECT customer_id, md5(decision::text), policy_version FROM tier_assignments ORDER BY 1`);
    const historyBefore = await t.db.sql(`SELECT count(*)::int AS n FROM tier_history`);

    const response = await simulate(draft.version, 'author');
    expect(response.statusCode).toBe(202);
    const started = response.json<RunBody>();
    expect(response.headers['location']).toBe(`/api/v1/grading-runs/${started.id}`);
    expect(started).toMatchObject({ kind: 'simulation', cause: 'manual', policy: { id: 'default', version: draft.version } });
    expect(started.policy.hash).toMatch(/^sha256:/);

    const run = await waitForRun(t, started.id);
    expect(run).toMatchObject({ status: 'succeeded', total: 5, evaluated: 5, changed: 2, failed: 0, decisionsWritten: 0 });
    expect(run.tiers).toEqual({ before: { A: 1, B: 2, C: 2 }, after: { A: 1, C: 4 } });
    expect(run.migration).toEqual({ A: { A: 1 }, B: { C: 2 }, C: { C: 2 } });
    const counts = (fee: number, charged: number) => ({
      feeCharged: charged,
      monthlyFees: { HKD: fee },
      dedicatedAccountManagers: 1,
      greenChannel: 1,
      blacklisted: 1,
    });
    expect(run.treatments).toEqual({ before: counts(40, 1), after: counts(80, 2), newlyCharged: 1, noLongerCharged: 0 });

    expect(await t.db.sql(`SELECT customer_id, md5(decision::text), policy_version FROM tier_assignments ORDER BY 1`)).toEqual(
      decisionsBefore,
    );
    expect(await t.db.sql(`SELECT count(*)::int AS n FROM tier_history`)).toEqual(historyBefore);
  });

  it('is the latest simulation of the version in the runs list, which the draft page reads', async () => {
    const draft = await draftOf(t, seed);
    const first = (await simulate(draft.version)).json<RunBody>().id;
    const second = (await simulate(draft.version)).json<RunBody>().id;
    await waitForRun(t, first);
    await waitForRun(t, second);
    const query = new URLSearchParams({
      filter: JSON.stringify({ kind: 'simulation', policyId: 'default', policyVersion: draft.version }),
      sort: JSON.stringify(['id', 'DESC']),
      range: JSON.stringify([0, 0]),
    });
    const latest = await call(t, 'author', 'GET', `/api/v1/grading-runs?${query.toString()}`);
    expect(latest.json<RunBody[]>().map((run) => run.id)).toEqual([second]);
    expect(latest.headers['content-range']).toBe('grading-runs 0-0/2');
  });

  it('refuses a draft that cannot evaluate, a version that does not exist, and an agent', async () => {
    const broken = await draftOf(t, withUnknownFact(seed));
    const refused = await simulate(broken.version);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'policy-not-evaluable' });
    expect((await simulate(999)).json()).toMatchObject({ status: 404, code: 'policy-version-not-found' });
    expect((await call(t, 'publisher', 'POST', '/api/v1/policies/nope/versions/1/simulate', {})).statusCode).toBe(404);
    expect((await simulate(1, 'agent')).statusCode).toBe(403);
  });
});
