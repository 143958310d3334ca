import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GradingRunSweeper } from '../src/grading/runs/grading-run-sweeper.js';
import { JobQueue } from '../src/jobs/job-queue.js';
import { authHeaders } from './support/auth.js';
import { customerFactory } from './support/customer.factory.js';
import { waitForRun, type RunBody } from './support/grading-runs.js';
import { putCustomer } from './support/http.js';
import { call, seedDocument, storedDecision, withTierAThreshold, type PolicyDocument } from './support/policies-helpers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Issue 8, point 3: more than one policy. Any can be created (from a document such as
// rules/examples/*, or empty) and simulated; exactly one grades the customers, switched by a
// publisher, and the switch re-grades them.

const ABC_PARETO = fileURLToPath(new URL('../../../rules/examples/abc-pareto/policy.json', import.meta.url));

interface PolicyBody {
  id: string;
  grading: boolean;
  schedule: string;
  publishedVersion: number | null;
  latestVersion: number | null;
  drafts: number;
  gradingRun?: { id: number } | null;
}

describe('more than one policy, exactly one grading', () => {
  let t: TestApp;
  let seed: PolicyDocument;

  beforeAll(async () => {
    t = await startTestApp();
    seed = await seedDocument(t);
    const admin = await authHeaders(t, 'admin');
    // 78 points: A under the seed (75), B under a policy that starts A at 80.
    for (const id of ['MP-1', 'MP-2']) {
      const customer = customerFactory({ id, tier: 'A', facts: { relationship: 10, strategicImportance: 8 } });
      expect((await putCustomer(t.app, customer, admin)).statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const policies = async () => (await call(t, 'auditor', 'GET', '/api/v1/policies')).json<PolicyBody[]>();

  it('creates a policy from an example, with version 1 a draft, that grades nobody and can be simulated', async () => {
    const document = JSON.parse(await readFile(ABC_PARETO, 'utf8')) as Record<string, unknown>;
    const created = await call(t, 'author', 'POST', '/api/v1/policies', { id: 'abc', document });
    expect(created.statusCode).toBe(201);
    expect(created.headers['location']).toBe('/api/v1/policies/abc');
    expect(created.json()).toMatchObject({
      id: 'abc',
      grading: false,
      schedule: '0 2 1 * *',
      publishedVersion: null,
      latestVersion: 1,
      drafts: 1,
    });
    expect(created.json<{ name: { en: string } }>().name.en).toBe('ABC by cumulative annual profit (80/20)');
    const version = (await call(t, 'auditor', 'GET', '/api/v1/policies/abc/versions/1')).json<{
      status: string;
      document: { id: string };
    }>();
    expect(version).toMatchObject({ status: 'draft', document: { id: 'abc' } });

    // Simulated against the stored customers, whose facts are the grading policy's: each one is a failure, with its reason.
    const simulated = await call(t, 'publisher', 'POST', '/api/v1/policies/abc/versions/1/simulate', {});
    const run = await waitForRun(t, simulated.json<RunBody>().id);
    expect(run).toMatchObject({ status: 'succeeded', kind: 'simulation', policy: { id: 'abc', version: 1 }, evaluated: 0, failed: 2 });
    const failures = (await call(t, 'auditor', 'GET', `/api/v1/grading-runs/${run.id}/failures`)).json<{ reason: string }[]>();
    expect(failures[0]!.reason).toContain('/annualProfit');

    expect((await policies()).map((policy) => [policy.id, policy.grading])).toEqual([
      ['abc', false],
      ['default', true],
    ]);
  });

  it('creates an empty policy, and refuses a taken id, a bad id and a reader', async () => {
    const empty = await call(t, 'admin', 'POST', '/api/v1/policies', { id: 'blank', name: 'Blank slate' });
    expect(empty.statusCode).toBe(201);
    expect(empty.json()).toMatchObject({ id: 'blank', name: { en: 'Blank slate' }, latestVersion: 1, drafts: 1 });
    const taken = await call(t, 'author', 'POST', '/api/v1/policies', { id: 'default' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'policy-exists', errors: [{ path: '/id' }] });
    expect((await call(t, 'author', 'POST', '/api/v1/policies', { id: '9 lives', colour: 'red' })).json()).toMatchObject({
      status: 400,
      errors: [{ path: '/colour' }, { path: '/id' }],
    });
    expect((await call(t, 'auditor', 'POST', '/api/v1/policies', { id: 'nope' })).statusCode).toBe(403);
  });

  it('switches the grading policy: refused before it is published, then a run re-grades every customer with it', async () => {
    const created = await call(t, 'author', 'POST', '/api/v1/policies', { id: 'stricter', document: withTierAThreshold(seed, 80) });
    expect(created.statusCode).toBe(201);
    const unpublished = await call(t, 'publisher', 'PATCH', '/api/v1/policies/stricter', { grading: true });
    expect(unpublished.statusCode).toBe(409);
    expect(unpublished.json()).toMatchObject({ code: 'policy-not-published' });

    // Publishing a policy that does not grade starts no run and changes no decision.
    const published = await call(t, 'publisher', 'POST', '/api/v1/policies/stricter/versions/1/publish', {});
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ gradingRun: null });
    expect(await storedDecision(t, 'MP-1')).toMatchObject({ tier: 'A', policy: { id: 'default' } });
    const byHand = await call(t, 'publisher', 'POST', '/api/v1/grading-runs', { policyId: 'stricter' });
    expect(byHand.statusCode).toBe(409);
    expect(byHand.json()).toMatchObject({ code: 'policy-not-grading' });

    const switched = await call(t, 'publisher', 'PATCH', '/api/v1/policies/stricter', { grading: true });
    expect(switched.statusCode).toBe(200);
    const body = switched.json<PolicyBody>();
    expect(body).toMatchObject({ id: 'stricter', grading: true, gradingRun: { id: expect.any(Number) } });
    const run = await waitForRun(t, body.gradingRun!.id);
    expect(run).toMatchObject({ status: 'succeeded', cause: 'manual', policy: { id: 'stricter', version: 1 }, failed: 0 });
    expect(run.migration['A']!['B']).toBe(2);
    expect(await storedDecision(t, 'MP-1')).toMatchObject({ tier: 'B', policy: { id: 'stricter', version: 1 } });
    expect((await policies()).filter((policy) => policy.grading).map((policy) => policy.id)).toEqual(['stricter']);

    // Customers written now are graded by it, and the call centre reads its decisions.
    const admin = await authHeaders(t, 'admin');
    const late = customerFactory({ id: 'MP-3', tier: 'A', facts: { relationship: 10, strategicImportance: 8 } });
    expect((await putCustomer(t.app, late, admin)).statusCode).toBe(201);
    expect(await storedDecision(t, 'MP-3')).toMatchObject({ tier: 'B', policy: { id: 'stricter' } });

    // Switching to the policy that already grades changes nothing.
    expect((await call(t, 'publisher', 'PATCH', '/api/v1/policies/stricter', { grading: true })).json()).toMatchObject({
      gradingRun: null,
    });
    // And back: the default grades again.
    const back = (await call(t, 'publisher', 'PATCH', '/api/v1/policies/default', { grading: true })).json<PolicyBody>();
    expect((await waitForRun(t, back.gradingRun!.id)).migration['B']!['A']).toBe(3);
  });

  it("follows the grading policy's cron, and only the grading policy has a schedule", async () => {
    const bad = await call(t, 'publisher', 'PATCH', '/api/v1/policies/default', { schedule: 'every day' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ errors: [{ path: '/schedule' }] });
    expect((await call(t, 'author', 'PATCH', '/api/v1/policies/default', { schedule: '0 3 * * 1' })).statusCode).toBe(403);
    const set = await call(t, 'publisher', 'PATCH', '/api/v1/policies/default', { schedule: '0 3 * * 1' });
    expect(set.json()).toMatchObject({ schedule: '0 3 * * 1', grading: true, gradingRun: null });
    await t.app.get(GradingRunSweeper).sweep(60_000);
    const schedules = (await t.app.get(JobQueue).schedules()).filter((schedule) => schedule.key.startsWith('grading-schedule-'));
    expect(schedules).toEqual([{ key: 'grading-schedule-default', cron: '0 3 * * 1' }]);
  });
});
