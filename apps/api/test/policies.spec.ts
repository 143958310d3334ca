import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerFactory, customerFacts, type CustomerInput } from './support/customer.factory.js';
import { authHeaders, testUsername } from './support/auth.js';
import { putCustomer } from './support/http.js';
import { getRun, waitForRun } from './support/grading-runs.js';
import { overlapped } from './support/overlapped.js';
import {
  call,
  createDraft,
  draftOf,
  policyVariant,
  publish,
  saveDraft,
  seedDocument,
  storedDecision,
  testVersion,
  withTierAThreshold,
  withUnknownFact,
  type PolicyDocument,
  type VersionBody,
} from './support/policies-helpers.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { openApiDocument, resolved } from './support/openapi-document.js';

const BASE = '/api/v1/policies/default';
const PROBLEM = /^application\/problem\+json/;

describe('policies and versions', () => {
  let t: TestApp;
  let seed: PolicyDocument;
  // Scores 78: A while A starts at 75, B once it starts at 80.
  const borderline = customerFactory({ tier: 'A', facts: { relationship: 10, strategicImportance: 8 } });
  const keyAccount = customerFactory({ tier: 'A' });
  const ordinary = customerFactory({ tier: 'B' });

  beforeAll(async () => {
    t = await startTestApp();
    for (const customer of [borderline, keyAccount, ordinary]) {
      const response = await putCustomer(t.app, customer, await authHeaders(t, 'admin'));
      expect(response.statusCode).toBe(201);
    }
    seed = await seedDocument(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function publishedVersion(): Promise<number> {
    const response = await call(t, 'auditor', 'GET', BASE);
    return response.json<{ publishedVersion: number }>().publishedVersion;
  }

  async function historyOf(customer: CustomerInput) {
    return t.db.sql<{
      previous_tier: string | null;
      new_tier: string;
      cause: string;
      policy_version: number;
      policy_hash: string;
      actor: string;
    }>('SELECT previous_tier, new_tier, cause, policy_version, policy_hash, actor FROM tier_history WHERE customer_id = $1 ORDER BY id', [
      customer.id,
    ]);
  }

  it('lists the policy with the version in force, and its versions with lint summaries and revisions', async () => {
    const policies = await call(t, 'auditor', 'GET', '/api/v1/policies');
    expect(policies.statusCode).toBe(200);
    expect(policies.headers['content-range']).toBe('policies 0-0/1');
    expect(policies.json()).toEqual([
      expect.objectContaining({
        id: 'default',
        publishedVersion: 1,
        publishedHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        drafts: 0,
      }),
    ]);

    const versions = await call(t, 'auditor', 'GET', `${BASE}/versions`);
    expect(versions.statusCode).toBe(200);
    expect(versions.headers['content-range']).toMatch(/^versions 0-\d+\/\d+$/);
    const first = versions.json<VersionBody[]>().find((version) => version.version === 1);
    expect(first).toMatchObject({
      id: 1,
      status: 'published',
      revision: 1,
      lint: { errors: 0 },
      createdBy: 'system',
      publishedBy: 'system',
    });
    expect(first).not.toHaveProperty('document');

    const one = await call(t, 'auditor', 'GET', `${BASE}/versions/1`);
    expect(one.statusCode).toBe(200);
    expect(one.headers['etag']).toBe('"1"');
    expect(one.json()).toMatchObject({
      version: 1,
      status: 'published',
      document: { id: 'default', version: 1 },
      lintFindings: expect.any(Array),
    });
  });

  it('takes a draft through edit, lint, test and publication, and re-grades every customer with it', async () => {
    // Create: a copy of version 1, numbered after every existing version.
    const created = await call(t, 'author', 'POST', `${BASE}/versions`, { copyOf: 1 });
    expect(created.statusCode).toBe(201);
    const draft = created.json<VersionBody>();
    expect(created.headers['location']).toBe(`${BASE}/versions/${draft.version}`);
    expect(created.headers['etag']).toBe('"1"');
    expect(draft).toMatchObject({ status: 'draft', revision: 1, hash: null, basedOn: 1, lint: { errors: 0 } });
    expect(draft.document).toMatchObject({ id: 'default', version: draft.version });

    // Edit with a lint error: saved (it is a draft), findings stored with it.
    const broken = await saveDraft(t, draft.version, { document: withUnknownFact(seed), revision: 1 });
    expect(broken.statusCode).toBe(200);
    expect(broken.headers['etag']).toBe('"2"');
    const stored = (await call(t, 'author', 'GET', `${BASE}/versions/${draft.version}`)).json<VersionBody>();
    expect(stored.revision).toBe(2);
    expect(stored.lint.errors).toBeGreaterThan(0);
    expect(stored.lintFindings).toContainEqual(
      expect.objectContaining({ severity: 'error', path: expect.stringMatching(/^\/grading\/tiers\/0\//) }),
    );
    expect(stored.lintFindings.some((finding) => finding.message.includes('turnover'))).toBe(true);

    // A draft with lint errors can be neither tested nor published.
    const untestable = await testVersion(t, draft.version, { facts: borderline.facts });
    expect(untestable.statusCode).toBe(422);
    expect(untestable.json()).toMatchObject({
      code: 'policy-has-lint-errors',
      errors: expect.arrayContaining([expect.objectContaining({ path: expect.stringMatching(/^\/document\//) })]),
    });
    const refused = await publish(t, draft.version);
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toMatch(PROBLEM);
    expect(refused.json()).toMatchObject({ code: 'policy-has-lint-errors', status: 422 });
    expect(await publishedVersion()).toBe(1);

    // Fix it: tier A now starts at 80. Lint is clean again.
    const fixed = await saveDraft(t, draft.version, { document: withTierAThreshold(seed, 80) }, { 'if-match': '"2"' });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ revision: 3, lint: { errors: 0 } });

    // Test: facts and a stored customer, with the decision and every condition's outcome.
    const byFacts = await testVersion(t, draft.version, { facts: borderline.facts });
    expect(byFacts.statusCode).toBe(200);
    const tested = byFacts.json<{
      decision: { tier: string; score: number; policy: { version: number } };
      trace: {
        stage: string;
        path: string;
        result: boolean;
        conditions: { fact: string; factValue: unknown; value: unknown; result: boolean | null }[];
      }[];
    }>();
    expect(tested.decision).toMatchObject({ tier: 'B', score: 78, policy: { version: draft.version } });
    const tierA = tested.trace.find((rule) => rule.stage === 'tier' && rule.path === '/grading/tiers/0');
    expect(tierA).toMatchObject({
      result: false,
      conditions: [expect.objectContaining({ fact: 'score', factValue: 78, value: 80, result: false })],
    });
    const byCustomer = await testVersion(t, draft.version, { customerId: borderline.id });
    expect(byCustomer.statusCode).toBe(200);
    expect(byCustomer.json()).toMatchObject({ decision: { customerId: borderline.id, tier: 'B' } });
    // Testing stores nothing.
    expect((await storedDecision(t, borderline.id)).tier).toBe('A');

    // Publish: the draft becomes the version in force, version 1 is superseded, customers are re-graded.
    const published = await publish(t, draft.version);
    expect(published.statusCode).toBe(200);
    const result = published.json<{ version: VersionBody; superseded: number; gradingRun: { id: number } }>();
    expect(result.version).toMatchObject({
      version: draft.version,
      status: 'published',
      hash: expect.stringMatching(/^sha256:/),
      revision: 3,
    });
    expect(result.superseded).toBe(1);
    // The run that re-graded them (the helper waited for it).
    const run = await getRun(t, result.gradingRun.id);
    expect(run).toMatchObject({
      status: 'succeeded',
      cause: 'publish',
      total: 3,
      evaluated: 3,
      changed: 1,
      startedBy: expect.stringMatching(/^user:/),
    });
    expect(run.migration).toEqual({ A: { A: 1, B: 1 }, B: { B: 1 } });
    expect(await publishedVersion()).toBe(draft.version);
    const one = (await call(t, 'auditor', 'GET', `${BASE}/versions/1`)).json<VersionBody & { supersededAt: string | null }>();
    expect(one).toMatchObject({ status: 'superseded', supersededAt: expect.any(String) });

    // Tier history: one row for the customer whose tier changed, with the cause, version, hash and actor.
    const history = await historyOf(borderline);
    expect(history.at(-1)).toMatchObject({
      previous_tier: 'A',
      new_tier: 'B',
      cause: 'policy-publish',
      policy_version: draft.version,
      policy_hash: result.version.hash,
    });
    expect(await historyOf(keyAccount)).toHaveLength(1); // only its first grading: its tier did not change

    // Stored decisions name the new version at once, changed tier or not.
    expect(await storedDecision(t, borderline.id)).toMatchObject({
      tier: 'B',
      cause: 'policy-publish',
      policy: { version: draft.version, hash: result.version.hash },
    });
    expect(await storedDecision(t, keyAccount.id)).toMatchObject({ tier: 'A', policy: { version: draft.version } });

    // New customers are graded by the new version too.
    const late = customerFactory({ tier: 'A', facts: { relationship: 10, strategicImportance: 8 } });
    expect((await putCustomer(t.app, late, await authHeaders(t, 'admin'))).statusCode).toBe(201);
    expect(await storedDecision(t, late.id)).toMatchObject({ tier: 'B', policy: { version: draft.version } });

    // Every write is audited, the publication by the same actor the tier history names.
    const audit = await t.db.sql<{ action: string; actor: string; summary: Record<string, unknown>; request_id: string | null }>(
      'SELECT action, actor, summary, request_id FROM audit_events WHERE target = $1 ORDER BY id',
      [`policy:default@${draft.version}`],
    );
    expect(audit.map((event) => event.action)).toEqual([
      'policy.draft.create',
      'policy.draft.update',
      'policy.draft.update',
      'policy.publish',
    ]);
    expect(audit[3]!.summary).toMatchObject({ hash: result.version.hash, superseded: 1, gradingRun: result.gradingRun.id });
    expect(audit[0]!.actor).toBe(`user:${testUsername('author')}`);
    expect(audit[3]!.actor).toBe(`user:${testUsername('publisher')}`);
    expect(history.at(-1)!.actor).toBe(`user:${testUsername('publisher')}`);
    expect(audit.every((event) => typeof event.request_id === 'string' && event.request_id !== '')).toBe(true);
    expect(audit[2]!.summary).toMatchObject({ before: { revision: 2 }, after: { revision: 3, lintErrors: 0 } });
  });

  it('refuses a stale edit with 409, naming the current revision, and loses nothing', async () => {
    const draft = await createDraft(t, { copyOf: 1 });
    const first = await saveDraft(t, draft.version, { document: withTierAThreshold(seed, 77), revision: 1 });
    expect(first.statusCode).toBe(200);

    const stale = await saveDraft(t, draft.version, { document: withTierAThreshold(seed, 90), revision: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toMatch(PROBLEM);
    expect(stale.json()).toMatchObject({ code: 'draft-conflict', errors: [{ path: '/revision', message: 'the current revision is 2' }] });
    expect(stale.json<{ detail: string }>().detail).toMatch(/revision 2/);

    const kept = (await call(t, 'author', 'GET', `${BASE}/versions/${draft.version}`)).json<VersionBody>();
    expect(kept.revision).toBe(2);
    expect(kept.document.grading.tiers[0]!.conditions).toEqual({ all: [{ fact: 'score', operator: 'greaterThanInclusive', value: 77 }] });

    const withoutRevision = await saveDraft(t, draft.version, { document: seed });
    expect(withoutRevision.statusCode).toBe(400);
    expect(withoutRevision.json()).toMatchObject({ code: 'invalid-request', errors: [expect.objectContaining({ path: '/revision' })] });
  });

  it('refuses to change a released version', async () => {
    const response = await saveDraft(t, 1, { document: withTierAThreshold(seed, 70), revision: 1 });
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.json()).toMatchObject({ code: 'not-a-draft' });
    expect((await call(t, 'auditor', 'GET', `${BASE}/versions/1`)).json<VersionBody>().document.grading.tiers[0]!.conditions).toEqual(
      seed.grading.tiers[0]!.conditions,
    );
    // The database refuses it too, whatever the application does.
    await expect(t.db.sql(`UPDATE policy_versions SET document = '{}' WHERE policy_id = 'default' AND version = 1`)).rejects.toThrow(
      /default v1 is (published|superseded) and cannot be changed/,
    );
    await expect(t.db.sql(`DELETE FROM policy_versions WHERE policy_id = 'default' AND version = 1`)).rejects.toThrow(
      /default v1 is (published|superseded) and cannot be changed/,
    );
  });

  it('discards a draft on DELETE: kept, frozen, listed as discarded, its number never reused', async () => {
    const draft = await createDraft(t, { copyOf: 1 });
    const url = `${BASE}/versions/${draft.version}`;
    const stale = await call(t, 'author', 'DELETE', url, undefined, { 'if-match': '"7"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'draft-conflict' });

    const discarded = await call(t, 'author', 'DELETE', url, undefined, { 'if-match': '"1"' });
    expect(discarded.statusCode).toBe(200);
    expect(discarded.json()).toMatchObject({ version: draft.version, status: 'discarded', revision: 2 });
    for (const response of [
      await call(t, 'author', 'DELETE', url),
      await saveDraft(t, draft.version, { document: seed, revision: 2 }),
      await publish(t, draft.version),
    ]) {
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'not-a-draft' });
    }
    const listed = await call(t, 'auditor', 'GET', `${BASE}/versions?filter=${encodeURIComponent('{"status":"discarded"}')}`);
    expect(listed.json<VersionBody[]>().map((version) => version.version)).toContain(draft.version);
    expect((await createDraft(t, {})).version).toBeGreaterThan(draft.version);
    const audit = await t.db.sql<{ action: string }>('SELECT action FROM audit_events WHERE target = $1 ORDER BY id', [
      `policy:default@${draft.version}`,
    ]);
    expect(audit.map((event) => event.action)).toEqual(['policy.draft.create', 'policy.draft.delete']);
    await expect(t.db.sql(`DELETE FROM policy_versions WHERE policy_id = 'default' AND version = $1`, [draft.version])).rejects.toThrow(
      /cannot be changed/,
    );
  });

  // Every publication locks its policy's row first: holding that row makes both requests
  // queue at the same point, provably in flight together, before either may go on.
  const POLICY_ROW = { sql: `SELECT 1 FROM policies WHERE id = 'default' FOR UPDATE` };

  it('lets exactly one of two concurrent publications win', async () => {
    const before = await publishedVersion();
    const [a, b] = [await draftOf(t, withTierAThreshold(seed, 76)), await draftOf(t, withTierAThreshold(seed, 74))];
    const responses = await overlapped(t, POLICY_ROW, [() => publish(t, a.version), () => publish(t, b.version)]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    const loser = responses.find((response) => response.statusCode === 409)!;
    expect(loser.headers['content-type']).toMatch(PROBLEM);
    expect(loser.json()).toMatchObject({ code: 'publish-conflict' });
    const rows = await t.db.sql<{ version: number }>(
      `SELECT version FROM policy_versions WHERE policy_id = 'default' AND status = 'published'`,
    );
    expect(rows).toHaveLength(1);
    const winner = responses[0]!.statusCode === 200 ? a : b;
    expect(rows[0]!.version).toBe(winner.version);
    expect(await publishedVersion()).not.toBe(before);
    // The loser is still a draft; it can be published by confirming what it replaces.
    const loserVersion = winner === a ? b : a;
    expect((await call(t, 'auditor', 'GET', `${BASE}/versions/${loserVersion.version}`)).json<VersionBody>().status).toBe('draft');
  });

  it('lets exactly one of two concurrent publications of the same draft win', async () => {
    const draft = await draftOf(t, withTierAThreshold(seed, 79));
    const responses = await overlapped(t, POLICY_ROW, [() => publish(t, draft.version), () => publish(t, draft.version)]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    expect(responses.find((response) => response.statusCode === 409)!.json()).toMatchObject({ code: 'publish-conflict' });
    const rows = await t.db.sql(`SELECT version FROM policy_versions WHERE policy_id = 'default' AND status = 'published'`);
    expect(rows).toEqual([{ version: draft.version }]);
    // Published (and audited) once, not twice.
    const audit = await t.db.sql('SELECT action FROM audit_events WHERE target = $1', [`policy:default@${draft.version}`]);
    expect(audit.filter((event) => event['action'] === 'policy.publish')).toHaveLength(1);
  });

  it('refuses to publish over a version published after the draft was started, until the publisher confirms', async () => {
    const stale = await draftOf(t, withTierAThreshold(seed, 81));
    const newer = await draftOf(t, withTierAThreshold(seed, 82));
    expect((await publish(t, newer.version)).statusCode).toBe(200);

    const refused = await publish(t, stale.version);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'publish-conflict',
      errors: [{ path: '/supersedes', message: `the version in force is ${newer.version}` }],
    });
    expect(await publishedVersion()).toBe(newer.version);

    const unreviewed = await publish(t, stale.version, { supersedes: newer.version, revision: 1 });
    expect(unreviewed.statusCode).toBe(409);
    expect(unreviewed.json()).toMatchObject({
      code: 'draft-conflict',
      errors: [{ path: '/revision', message: 'the current revision is 2' }],
    });
    const confirmed = await publish(t, stale.version, { supersedes: newer.version, revision: 2 });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ superseded: newer.version });
  });

  it('rolls back by publishing a copy of an older version: same hash, a new number, customers graded back', async () => {
    const raised = await draftOf(t, withTierAThreshold(seed, 80));
    expect((await publish(t, raised.version)).statusCode).toBe(200);
    expect((await storedDecision(t, borderline.id)).tier).toBe('B');

    const response = await call(t, 'publisher', 'POST', `${BASE}/versions/1/rollback`, {});
    expect(response.statusCode).toBe(200);
    const result = response.json<{
      version: VersionBody & { basedOn: number; note: string };
      superseded: number;
      gradingRun: { id: number };
    }>();
    const run = await waitForRun(t, result.gradingRun.id);
    expect(run).toMatchObject({ status: 'succeeded', cause: 'rollback' });
    const one = (await call(t, 'auditor', 'GET', `${BASE}/versions/1`)).json<VersionBody>();
    expect(result.version.version).toBeGreaterThan(raised.version);
    expect(result.version).toMatchObject({ status: 'published', hash: one.hash, basedOn: 1, note: 'rollback to v1' });
    expect(result.version.document).toMatchObject({ version: result.version.version });
    expect(result.superseded).toBe(raised.version);
    expect(run.migration['B']!['A']).toBeGreaterThanOrEqual(1);

    expect(await storedDecision(t, borderline.id)).toMatchObject({
      tier: 'A',
      policy: { version: result.version.version, hash: one.hash },
    });
    expect((await historyOf(borderline)).at(-1)).toMatchObject({
      previous_tier: 'B',
      new_tier: 'A',
      cause: 'policy-publish',
      policy_version: result.version.version,
    });
    const audit = await t.db.sql<{ action: string }>('SELECT action FROM audit_events WHERE target = $1', [
      `policy:default@${result.version.version}`,
    ]);
    expect(audit.map((event) => event.action)).toEqual(['policy.rollback']);

    const again = await call(t, 'publisher', 'POST', `${BASE}/versions/${result.version.version}/rollback`, {});
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'invalid-request' });
  });

  it('diffs two versions structurally and in plain language', async () => {
    const raised = await draftOf(t, withTierAThreshold(seed, 80));
    const response = await call(t, 'auditor', 'GET', `${BASE}/diff?from=1&to=${raised.version}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      policyId: 'default',
      from: 1,
      to: raised.version,
      changes: [{ op: 'changed', path: '/grading/tiers/0/conditions/all/0/value', before: 75, after: 80 }],
      summary: ['tier A threshold 75 -> 80'],
    });
    const bad = await call(t, 'auditor', 'GET', `${BASE}/diff?from=1&to=x`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid-request', errors: [{ path: '/query/to' }] });
    const missing = await call(t, 'auditor', 'GET', `${BASE}/diff?from=1&to=999`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'policy-version-not-found' });
  });

  it('creates empty drafts as a skeleton and uploaded drafts under the right id and number', async () => {
    const empty = await createDraft(t, {});
    expect(empty.document).toMatchObject({ id: 'default', version: empty.version, facts: {}, grading: { tiers: [{ id: 'A' }] } });
    expect(empty.lintFindings).toContainEqual(expect.objectContaining({ severity: 'error', path: '/facts' }));
    const unpublishable = await publish(t, empty.version);
    expect(unpublishable.statusCode).toBe(422);
    expect(unpublishable.json()).toMatchObject({ code: 'policy-has-lint-errors', errors: [{ path: '/document/facts' }] });

    const uploaded = await createDraft(t, { document: { ...withTierAThreshold(seed, 70), id: 'someone-else', version: 42 } });
    expect(uploaded.document).toMatchObject({ id: 'default', version: uploaded.version });
    expect(uploaded.lint.errors).toBe(0);

    const notAnObject = await call(t, 'author', 'POST', `${BASE}/versions`, { document: [1, 2] });
    expect(notAnObject.statusCode).toBe(400);
    expect(notAnObject.json()).toMatchObject({ code: 'invalid-request', errors: [{ path: '/document' }] });
    const missingCopy = await call(t, 'author', 'POST', `${BASE}/versions`, { copyOf: 999 });
    expect(missingCopy.statusCode).toBe(400);
    expect(missingCopy.json()).toMatchObject({ code: 'invalid-request', errors: [{ path: '/copyOf' }] });
    const putNotAnObject = await saveDraft(t, uploaded.version, { document: 'policy', revision: 1 });
    expect(putNotAnObject.statusCode).toBe(400);
    expect(putNotAnObject.headers['content-type']).toMatch(PROBLEM);
  });

  it("publishes a version whose fact catalogue no longer fits some stored customers: they keep their decision and are the run's failures", async () => {
    // Strength now tops out at 10 points: customers recorded with 15 no longer fit.
    const narrower = await draftOf(
      t,
      policyVariant(seed, (copy) => {
        copy.facts['strength']!['max'] = 10;
        (copy.grading.scorecard![1] as { max: number }).max = 10;
      }),
    );
    const kept = await storedDecision(t, borderline.id);
    const historyBefore = await t.db.sql<{ n: number }>('SELECT count(*)::int AS n FROM tier_history');
    const response = await publish(t, narrower.version);
    expect(response.statusCode).toBe(200);
    const run = await getRun(t, response.json<{ gradingRun: { id: number } }>().gradingRun.id);
    const [{ misfits } = { misfits: 0 }] = await t.db.sql<{ misfits: number }>(
      `SELECT count(*)::int AS misfits FROM customers WHERE (facts ->> 'strength')::int > 10`,
    );
    expect(misfits).toBeGreaterThan(0);
    expect(run).toMatchObject({ status: 'succeeded', failed: misfits, evaluated: run.total! - misfits });
    const failures = await call(t, 'auditor', 'GET', `/api/v1/grading-runs/${run.id}/failures`);
    expect(failures.headers['content-range']).toBe(`failures 0-${misfits - 1}/${misfits}`);
    expect(failures.json()).toContainEqual({ customerId: borderline.id, reason: expect.stringContaining('/strength') });
    // Nothing about them changed: their decision is the one the previous version made.
    expect(await storedDecision(t, borderline.id)).toEqual(kept);
    expect(await t.db.sql('SELECT count(*)::int AS n FROM tier_history')).toEqual(historyBefore);
  });

  it('answers every error as problem+json with a stable code', async () => {
    const cases: [Promise<{ statusCode: number; headers: Record<string, unknown>; json(): unknown }>, number, string][] = [
      [call(t, 'auditor', 'GET', '/api/v1/policies/nope'), 404, 'policy-not-found'],
      [call(t, 'auditor', 'GET', '/api/v1/policies/nope/versions'), 404, 'policy-not-found'],
      [call(t, 'auditor', 'GET', `${BASE}/versions/999`), 404, 'policy-version-not-found'],
      [call(t, 'auditor', 'GET', `${BASE}/versions/zero`), 400, 'invalid-request'],
      [call(t, 'auditor', 'GET', '/api/v1/policies/bad%20id'), 400, 'invalid-request'],
      [call(t, 'auditor', 'GET', `${BASE}/versions?filter=${encodeURIComponent('{"colour":"red"}')}`), 400, 'invalid-request'],
      [call(t, 'author', 'POST', '/api/v1/policies/nope/versions', {}), 404, 'policy-not-found'],
      [call(t, 'author', 'POST', `${BASE}/versions`, { copyOf: 1, document: seed }), 400, 'invalid-request'],
      [saveDraft(t, 999, { document: seed, revision: 1 }), 404, 'policy-version-not-found'],
      [publish(t, 999), 404, 'policy-version-not-found'],
      [publish(t, 1), 409, 'publish-conflict'],
      [testVersion(t, 1, {}), 400, 'invalid-request'],
      [testVersion(t, 1, { customerId: 'no-such-customer' }), 404, 'customer-not-found'],
      [call(t, 'publisher', 'POST', `${BASE}/versions/999/rollback`, {}), 404, 'policy-version-not-found'],
    ];
    for (const [pending, status, code] of cases) {
      const response = await pending;
      expect({ status: response.statusCode, code: (response.json() as { code: string }).code }).toEqual({ status, code });
      expect(response.headers['content-type']).toMatch(PROBLEM);
    }
  });

  it('lets each role do only its part: authors edit, publishers publish, readers read, agents none of it', async () => {
    const draft = await createDraft(t, { copyOf: 1 });
    const forbidden: [Awaited<ReturnType<typeof call>>, string][] = [
      [await call(t, 'agent', 'GET', '/api/v1/policies'), 'agent lists policies'],
      [await call(t, 'agent', 'GET', `${BASE}/versions/1`), 'agent reads a version'],
      [await call(t, 'agent', 'POST', `${BASE}/versions/1/test`, { facts: ordinary.facts }), 'agent tests'],
      [await call(t, 'auditor', 'POST', `${BASE}/versions`, {}), 'auditor creates a draft'],
      [await call(t, 'publisher', 'PUT', `${BASE}/versions/${draft.version}`, { document: seed, revision: 1 }), 'publisher edits a draft'],
      [await call(t, 'author', 'POST', `${BASE}/versions/${draft.version}/publish`, {}), 'author publishes'],
      [await call(t, 'author', 'POST', `${BASE}/versions/1/rollback`, {}), 'author rolls back'],
    ];
    for (const [response, what] of forbidden) {
      expect({ what, status: response.statusCode, code: response.json<{ code: string }>().code }).toEqual({
        what,
        status: 403,
        code: 'forbidden',
      });
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/policies' });
    expect(anonymous.statusCode).toBe(401);
    for (const role of ['auditor', 'publisher', 'author', 'admin'] as const) {
      expect((await call(t, role, 'POST', `${BASE}/versions/1/test`, { facts: ordinary.facts })).statusCode).toBe(200);
      expect((await call(t, role, 'GET', `${BASE}/diff?from=1&to=${draft.version}`)).statusCode).toBe(200);
    }
    expect((await call(t, 'author', 'GET', `${BASE}/versions/${draft.version}`)).json<VersionBody>().status).toBe('draft');
  });

  it('describes every policy route in the OpenAPI document, with its roles and schemas', async () => {
    const document = await openApiDocument(t);
    const publishOperation = document.paths['/api/v1/policies/{policyId}/versions/{version}/publish']?.['post'];
    expect(publishOperation).toMatchObject({ tags: ['policies'], 'x-roles': ['admin', 'publisher'], requestBody: expect.anything() });
    const published = resolved(document, publishOperation?.responses['200']?.content?.['application/json']?.schema);
    expect(published?.required).toEqual(expect.arrayContaining(['version', 'superseded', 'gradingRun']));
    const operations = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/v1/policies'))
      .flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ route: `${method} ${path}`, operation })));
    expect(operations).toHaveLength(15);
    for (const { route, operation } of operations) {
      expect({ route, tags: operation.tags, hasRoles: (operation['x-roles'] ?? []).length > 0 }).toEqual({
        route,
        tags: ['policies'],
        hasRoles: true,
      });
    }
  });

  it('lists every problem with the facts a test is given', async () => {
    const response = await testVersion(t, 1, { facts: customerFacts('B', { strength: 99, nature: 'alien', colour: 'red' }) });
    expect(response.statusCode).toBe(422);
    const problem = response.json<{ code: string; errors: { path: string }[] }>();
    expect(problem.code).toBe('invalid-facts');
    expect(problem.errors.map((error) => error.path).sort()).toEqual(['/facts/colour', '/facts/nature', '/facts/strength']);
  });
});
