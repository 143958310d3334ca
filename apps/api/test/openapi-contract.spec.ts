import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/auth/role.js';
import { MIGRATIONS_TABLE } from '../src/database/data-source-options.js';
import { authHeaders } from './support/auth.js';
import { customerFacts, customerFactory } from './support/customer.factory.js';
import { waitForRun } from './support/grading-runs.js';
import { jsonl } from './support/import.js';
import { OpenApiContract } from './support/openapi-contract.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Issue 6, point 13: every route of the document is called at least once with a
// success and once with an error, and each live answer must fit the document.
// A route added without being exercised here fails the last test, by name.

// Operations no request can make fail, and why.
const NO_ERROR_POSSIBLE: Readonly<Record<string, string>> = {
  'GET /health': 'liveness touches nothing, so nothing a client sends makes it fail',
};

const V1 = '/api/v1';

describe('OpenAPI contract: live answers against the document', () => {
  let t: TestApp;
  let raw: Record<string, unknown>;
  let contract: OpenApiContract;
  const as = (role: Role) => authHeaders(t, role);

  beforeAll(async () => {
    t = await startTestApp();
    raw = (await t.app.inject({ method: 'GET', url: '/api/docs-json' })).json<Record<string, unknown>>();
    contract = await OpenApiContract.load(t.app, raw);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is a valid OpenAPI 3.0 document with servers, named schemas and one shared problem schema', () => {
    const document = contract.document;
    expect(document.servers?.length).toBeGreaterThan(0);
    const schemas = (raw['components'] as { schemas: Record<string, unknown> }).schemas;
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(['Problem', 'FieldError', 'Customer', 'StoredDecision', 'PolicyVersion', 'User']),
    );
    for (const operation of contract.operations()) {
      const [method, path] = operation.split(' ') as [string, string];
      const op = (raw['paths'] as Record<string, Record<string, { summary?: string; responses: Record<string, unknown> }>>)[path]![
        method.toLowerCase()
      ]!;
      expect(op.summary, `${operation} has no summary`).toBeTruthy();
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        expect(response, `${operation} ${status} is not the shared problem`).toMatchObject({
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        });
      }
    }
  });

  it('passes redocly lint (recommended rules) with no error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tierwise-openapi-lint-'));
    try {
      const file = join(dir, 'openapi.json');
      await writeFile(file, JSON.stringify(raw));
      const require = createRequire(import.meta.url);
      const cli = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
      // redocly exits 1 when it finds errors; the JSON report says which, so read it either way.
      const output = await promisify(execFile)(process.execPath, [cli, 'lint', '--extends=recommended', '--format=json', file], {
        maxBuffer: 16 * 1024 * 1024,
      }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
      const report = JSON.parse(output.stdout) as {
        totals: { errors: number; warnings: number };
        problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
      };
      const errors = report.problems.filter((problem) => problem.severity === 'error');
      expect(errors.map((problem) => `${problem.ruleId} at ${problem.location[0]?.pointer}: ${problem.message}`)).toEqual([]);
      expect(report.totals.errors).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('generates a typed client with openapi-typescript', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tierwise-openapi-types-'));
    try {
      const file = join(dir, 'tierwise-api.d.ts');
      await writeFile(file, astToString(await openapiTS(JSON.stringify(raw))));
      const types = await readFile(file, 'utf8');
      expect(types).toContain('export interface components');
      expect(types).toMatch(/Problem: \{/);
      for (const operationId of ['CustomersController_list', 'DecisionsController_stored', 'PoliciesController_publish']) {
        expect(types).toContain(`${operationId}: {`);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('health and readiness', async () => {
    expect((await contract.call('GET /health', '/health')).statusCode).toBe(200);
    expect((await contract.call('GET /ready', '/ready')).statusCode).toBe(200);
    // A migration this build ships but the database lacks makes the service not ready.
    const [latest] = await t.db.sql<{ id: number; timestamp: string; name: string }>(
      `SELECT id, timestamp, name FROM ${MIGRATIONS_TABLE} ORDER BY id DESC LIMIT 1`,
    );
    await t.db.sql(`DELETE FROM ${MIGRATIONS_TABLE} WHERE id = $1`, [latest!.id]);
    try {
      expect((await contract.call('GET /ready', '/ready')).statusCode).toBe(503);
    } finally {
      await t.db.sql(`INSERT INTO ${MIGRATIONS_TABLE} (id, timestamp, name) VALUES ($1, $2, $3)`, [
        latest!.id,
        latest!.timestamp,
        latest!.name,
      ]);
    }
  });

  it('sign-in, who am I, and the sign-in throttle', async () => {
    const login = 'POST /api/v1/auth/login';
    expect(
      (await contract.call(login, `${V1}/auth/login`, { payload: { username: 'admin', password: 'test-admin-password' } })).statusCode,
    ).toBe(200);
    expect((await contract.call(login, `${V1}/auth/login`, { payload: {} })).statusCode).toBe(400);
    expect(
      (await contract.call(login, `${V1}/auth/login`, { payload: { username: 'nobody', password: 'wrong password' } })).statusCode,
    ).toBe(401);
    // Failed sign-ins for one name from one address end in 429 with Retry-After (checked by the contract).
    let status = 0;
    for (let attempt = 0; attempt < 30 && status !== 429; attempt += 1) {
      status = (await contract.call(login, `${V1}/auth/login`, { payload: { username: 'contract-locked', password: 'wrong password' } }))
        .statusCode;
    }
    expect(status).toBe(429);

    expect((await contract.call('GET /api/v1/auth/me', `${V1}/auth/me`, { headers: await as('agent') })).statusCode).toBe(200);
    expect((await contract.call('GET /api/v1/auth/me', `${V1}/auth/me`)).statusCode).toBe(401);
  });

  it('users', async () => {
    const admin = await as('admin');
    expect((await contract.call('GET /api/v1/users', `${V1}/users`, { headers: admin })).statusCode).toBe(200);
    expect(
      (await contract.call('GET /api/v1/users', `${V1}/users?sort=${encodeURIComponent('["password","ASC"]')}`, { headers: admin }))
        .statusCode,
    ).toBe(400);
    const user = { username: 'contract-user', password: 'a long and unusual passphrase 42', role: 'agent' };
    expect((await contract.call('POST /api/v1/users', `${V1}/users`, { headers: admin, payload: user })).statusCode).toBe(201);
    expect((await contract.call('POST /api/v1/users', `${V1}/users`, { headers: admin, payload: user })).statusCode).toBe(409);
    expect((await contract.call('GET /api/v1/users/{username}', `${V1}/users/contract-user`, { headers: admin })).statusCode).toBe(200);
    expect((await contract.call('GET /api/v1/users/{username}', `${V1}/users/nobody`, { headers: admin })).statusCode).toBe(404);
    const patch = 'PATCH /api/v1/users/{username}';
    expect((await contract.call(patch, `${V1}/users/contract-user`, { headers: admin, payload: { role: 'auditor' } })).statusCode).toBe(
      200,
    );
    expect((await contract.call(patch, `${V1}/users/nobody`, { headers: admin, payload: { role: 'auditor' } })).statusCode).toBe(404);
    const put = 'PUT /api/v1/users/{username}';
    if (contract.has(put)) {
      expect((await contract.call(put, `${V1}/users/contract-user`, { headers: admin, payload: { role: 'agent' } })).statusCode).toBe(200);
      expect((await contract.call(put, `${V1}/users/nobody`, { headers: admin, payload: { role: 'agent' } })).statusCode).toBe(404);
    }
    const unlock = 'POST /api/v1/users/{username}/unlock';
    if (contract.has(unlock)) {
      expect((await contract.call(unlock, `${V1}/users/contract-user/unlock`, { headers: admin })).statusCode).toBe(200);
      expect((await contract.call(unlock, `${V1}/users/nobody/unlock`, { headers: admin })).statusCode).toBe(404);
    }
    const changePassword = 'PUT /api/v1/auth/password';
    if (contract.has(changePassword)) {
      const signIn = await contract.call('POST /api/v1/auth/login', `${V1}/auth/login`, {
        payload: { username: user.username, password: user.password },
      });
      const own = { authorization: `Bearer ${signIn.json<{ accessToken: string }>().accessToken}` };
      const wrong = { currentPassword: 'not the password at all', newPassword: 'another long and unusual passphrase 43' };
      expect((await contract.call(changePassword, `${V1}/auth/password`, { headers: own, payload: wrong })).statusCode).toBe(400);
      const right = { currentPassword: user.password, newPassword: 'another long and unusual passphrase 43' };
      expect((await contract.call(changePassword, `${V1}/auth/password`, { headers: own, payload: right })).statusCode).toBe(200);
    }
  });

  it('API keys', async () => {
    const admin = await as('admin');
    const created = await contract.call('POST /api/v1/api-keys', `${V1}/api-keys`, {
      headers: admin,
      payload: { name: 'contract-ivr', role: 'agent' },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    expect((await contract.call('POST /api/v1/api-keys', `${V1}/api-keys`, { headers: admin, payload: { name: '' } })).statusCode).toBe(
      400,
    );
    expect((await contract.call('GET /api/v1/api-keys', `${V1}/api-keys`, { headers: admin })).statusCode).toBe(200);
    expect((await contract.call('GET /api/v1/api-keys', `${V1}/api-keys`, { headers: await as('agent') })).statusCode).toBe(403);
    expect((await contract.call('GET /api/v1/api-keys/{id}', `${V1}/api-keys/${id}`, { headers: admin })).statusCode).toBe(200);
    expect((await contract.call('GET /api/v1/api-keys/{id}', `${V1}/api-keys/not-a-key`, { headers: admin })).statusCode).toBe(404);
    expect((await contract.call('DELETE /api/v1/api-keys/{id}', `${V1}/api-keys/${id}`, { headers: admin })).statusCode).toBe(200);
    expect((await contract.call('DELETE /api/v1/api-keys/{id}', `${V1}/api-keys/not-a-key`, { headers: admin })).statusCode).toBe(404);
  });

  it('customers, decisions, overrides, import and tier history', async () => {
    const admin = await as('admin');
    const agent = await as('agent');
    const reader = await as('auditor');
    const customer = customerFactory({ tier: 'A' });
    const put = 'PUT /api/v1/customers/{id}';
    const url = `${V1}/customers/${encodeURIComponent(customer.id)}`;
    const body = { name: customer.name, facts: customer.facts };
    expect((await contract.call(put, url, { headers: admin, payload: body })).statusCode).toBe(201);
    expect((await contract.call(put, url, { headers: admin, payload: { ...body, name: 'Renamed' } })).statusCode).toBe(200);
    expect((await contract.call(put, url, { headers: { ...admin, 'if-match': '"99"' }, payload: body })).statusCode).toBe(412);
    expect((await contract.call(put, url, { headers: admin, payload: { name: 'No facts' } })).statusCode).toBe(400);

    expect((await contract.call('GET /api/v1/customers', `${V1}/customers`, { headers: reader })).statusCode).toBe(200);
    const badSort = `?sort=${encodeURIComponent('["nope","ASC"]')}`;
    expect((await contract.call('GET /api/v1/customers', `${V1}/customers${badSort}`, { headers: reader })).statusCode).toBe(400);
    const customersCsv = 'GET /api/v1/customers/export.csv';
    expect((await contract.call(customersCsv, `${V1}/customers/export.csv`, { headers: reader })).statusCode).toBe(200);
    expect((await contract.call(customersCsv, `${V1}/customers/export.csv${badSort}`, { headers: reader })).statusCode).toBe(400);
    expect((await contract.call(customersCsv, `${V1}/customers/export.csv`, { headers: agent })).statusCode).toBe(403);
    expect((await contract.call('GET /api/v1/customers/{id}', url, { headers: reader })).statusCode).toBe(200);
    expect((await contract.call('GET /api/v1/customers/{id}', `${V1}/customers/NOPE-1`, { headers: reader })).statusCode).toBe(404);

    const stored = 'GET /api/v1/decisions/{customerId}';
    expect((await contract.call(stored, `${V1}/decisions/${encodeURIComponent(customer.id)}`, { headers: agent })).statusCode).toBe(200);
    expect((await contract.call(stored, `${V1}/decisions/NOPE-1`, { headers: agent })).statusCode).toBe(404);
    const evaluate = 'POST /api/v1/decisions/evaluate';
    expect(
      (await contract.call(evaluate, `${V1}/decisions/evaluate`, { headers: agent, payload: { facts: customerFacts('B') } })).statusCode,
    ).toBe(200);
    expect((await contract.call(evaluate, `${V1}/decisions/evaluate`, { headers: agent, payload: {} })).statusCode).toBe(400);
    const byPhone = 'GET /api/v1/decisions';
    if (contract.has(byPhone)) {
      const phone = '+8613800000123';
      expect((await contract.call(put, url, { headers: admin, payload: { ...body, phone } })).statusCode).toBe(200);
      expect((await contract.call(byPhone, `${V1}/decisions?phone=${encodeURIComponent(phone)}`, { headers: agent })).statusCode).toBe(200);
      expect(
        (await contract.call(byPhone, `${V1}/decisions?phone=${encodeURIComponent('+8613800000999')}`, { headers: agent })).statusCode,
      ).toBe(404);
    }

    const override = `${url}/tier-override`;
    const setOverride = 'PUT /api/v1/customers/{id}/tier-override';
    expect(
      (await contract.call(setOverride, override, { headers: admin, payload: { tier: 'C', reason: 'contract test' } })).statusCode,
    ).toBe(200);
    expect(
      (await contract.call(setOverride, override, { headers: admin, payload: { tier: 'Z', reason: 'no such tier' } })).statusCode,
    ).toBe(422);
    const clearOverride = 'DELETE /api/v1/customers/{id}/tier-override';
    expect((await contract.call(clearOverride, override, { headers: admin })).statusCode).toBe(200);
    expect((await contract.call(clearOverride, `${V1}/customers/NOPE-1/tier-override`, { headers: admin })).statusCode).toBe(404);

    const history = 'GET /api/v1/customers/{id}/tier-history';
    expect((await contract.call(history, `${url}/tier-history`, { headers: reader })).statusCode).toBe(200);
    expect((await contract.call(history, `${url}/tier-history`)).statusCode).toBe(401);
    expect((await contract.call('GET /api/v1/tier-history', `${V1}/tier-history`, { headers: reader })).statusCode).toBe(200);
    expect((await contract.call('GET /api/v1/tier-history', `${V1}/tier-history${badSort}`, { headers: reader })).statusCode).toBe(400);
    const historyCsv = 'GET /api/v1/tier-history/export.csv';
    expect((await contract.call(historyCsv, `${V1}/tier-history/export.csv`, { headers: reader })).statusCode).toBe(200);
    expect((await contract.call(historyCsv, `${V1}/tier-history/export.csv${badSort}`, { headers: reader })).statusCode).toBe(400);
    expect((await contract.call(historyCsv, `${V1}/tier-history/export.csv`, { headers: await as('agent') })).statusCode).toBe(403);

    const replay = 'POST /api/v1/tier-history/{id}/replay';
    const [entry] = await t.db.sql<{ id: string }>('SELECT id::text AS id FROM tier_history ORDER BY id LIMIT 1');
    expect((await contract.call(replay, `${V1}/tier-history/${entry!.id}/replay`, { headers: reader })).statusCode).toBe(200);
    expect((await contract.call(replay, `${V1}/tier-history/999999999/replay`, { headers: reader })).statusCode).toBe(404);
    expect((await contract.call(replay, `${V1}/tier-history/first/replay`, { headers: reader })).statusCode).toBe(400);
    expect((await contract.call(replay, `${V1}/tier-history/${entry!.id}/replay`, { headers: agent })).statusCode).toBe(403);

    const decisionOf = 'GET /api/v1/customers/{id}/decision';
    expect((await contract.call(decisionOf, `${url}/decision`, { headers: agent })).statusCode).toBe(200);
    const now = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
    expect((await contract.call(decisionOf, `${url}/decision?asOf=${now}`, { headers: reader })).statusCode).toBe(200);
    expect((await contract.call(decisionOf, `${url}/decision?asOf=2000-01-01T00:00:00Z`, { headers: reader })).statusCode).toBe(404);
    expect((await contract.call(decisionOf, `${url}/decision?asOf=yesterday`, { headers: reader })).statusCode).toBe(400);
    expect((await contract.call(decisionOf, `${V1}/customers/NOPE-1/decision`, { headers: agent })).statusCode).toBe(404);

    const importOp = 'POST /api/v1/customers/import';
    const file = jsonl([customerFactory({ tier: 'B' }), customerFactory({ tier: 'C' })]);
    const ndjson = { headers: admin, contentType: 'application/x-ndjson' };
    expect((await contract.call(importOp, `${V1}/customers/import`, { ...ndjson, payload: file })).statusCode).toBe(200);
    expect((await contract.call(importOp, `${V1}/customers/import`, { ...ndjson, payload: '{"id":"X-1"}\n' })).statusCode).toBe(422);
    expect(
      (await contract.call(importOp, `${V1}/customers/import`, { headers: admin, contentType: 'application/pdf', payload: file }))
        .statusCode,
    ).toBe(415);
  });

  it('policies: read, draft, test, publish, roll back and discard', async () => {
    const reader = await as('auditor');
    const author = await as('author');
    const publisher = await as('publisher');
    const base = `${V1}/policies/default`;
    expect((await contract.call('GET /api/v1/policies', `${V1}/policies`, { headers: reader })).statusCode).toBe(200);
    expect((await contract.call('GET /api/v1/policies', `${V1}/policies`)).statusCode).toBe(401);
    expect((await contract.call('GET /api/v1/policies/{policyId}', base, { headers: reader })).statusCode).toBe(200);
    expect((await contract.call('GET /api/v1/policies/{policyId}', `${V1}/policies/nope`, { headers: reader })).statusCode).toBe(404);
    expect((await contract.call('GET /api/v1/policies/{policyId}/versions', `${base}/versions`, { headers: reader })).statusCode).toBe(200);
    expect(
      (await contract.call('GET /api/v1/policies/{policyId}/versions', `${V1}/policies/nope/versions`, { headers: reader })).statusCode,
    ).toBe(404);
    const one = 'GET /api/v1/policies/{policyId}/versions/{version}';
    expect((await contract.call(one, `${base}/versions/1`, { headers: reader })).statusCode).toBe(200);
    expect((await contract.call(one, `${base}/versions/99`, { headers: reader })).statusCode).toBe(404);

    const create = 'POST /api/v1/policies/{policyId}/versions';
    const copy = await contract.call(create, `${base}/versions`, { headers: author, payload: { copyOf: 1, note: 'contract' } });
    expect(copy.statusCode).toBe(201);
    const draft = copy.json<{ version: number; revision: number; document: Record<string, unknown> }>();
    expect((await contract.call(create, `${V1}/policies/nope/versions`, { headers: author, payload: {} })).statusCode).toBe(404);

    const save = 'PUT /api/v1/policies/{policyId}/versions/{version}';
    const saved = await contract.call(save, `${base}/versions/${draft.version}`, {
      headers: author,
      payload: { document: draft.document, revision: draft.revision },
    });
    expect(saved.statusCode).toBe(200);
    expect(
      (
        await contract.call(save, `${base}/versions/${draft.version}`, {
          headers: author,
          payload: { document: draft.document, revision: draft.revision },
        })
      ).statusCode,
    ).toBe(409);

    const test = 'POST /api/v1/policies/{policyId}/versions/{version}/test';
    expect(
      (await contract.call(test, `${base}/versions/${draft.version}/test`, { headers: author, payload: { facts: customerFacts('A') } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await contract.call(test, `${base}/versions/99/test`, { headers: author, payload: { facts: customerFacts('A') } })).statusCode,
    ).toBe(404);

    const diff = 'GET /api/v1/policies/{policyId}/diff';
    expect((await contract.call(diff, `${base}/diff?from=1&to=${draft.version}`, { headers: reader })).statusCode).toBe(200);
    expect((await contract.call(diff, `${base}/diff?from=1&to=99`, { headers: reader })).statusCode).toBe(404);

    const publish = 'POST /api/v1/policies/{policyId}/versions/{version}/publish';
    expect(
      (await contract.call(publish, `${base}/versions/${draft.version}/publish`, { headers: publisher, payload: {} })).statusCode,
    ).toBe(200);
    expect(
      (await contract.call(publish, `${base}/versions/${draft.version}/publish`, { headers: publisher, payload: {} })).statusCode,
    ).toBe(409);

    const rollback = 'POST /api/v1/policies/{policyId}/versions/{version}/rollback';
    expect((await contract.call(rollback, `${base}/versions/1/rollback`, { headers: publisher, payload: {} })).statusCode).toBe(200);
    expect((await contract.call(rollback, `${base}/versions/99/rollback`, { headers: publisher, payload: {} })).statusCode).toBe(404);

    const createPolicy = 'POST /api/v1/policies';
    expect(
      (await contract.call(createPolicy, `${V1}/policies`, { headers: author, payload: { id: 'contract', name: 'Contract' } })).statusCode,
    ).toBe(201);
    expect((await contract.call(createPolicy, `${V1}/policies`, { headers: author, payload: { id: 'contract' } })).statusCode).toBe(409);
    const patchPolicy = 'PATCH /api/v1/policies/{policyId}';
    expect(
      (await contract.call(patchPolicy, `${V1}/policies/contract`, { headers: publisher, payload: { schedule: '0 5 * * *' } })).statusCode,
    ).toBe(200);
    expect(
      (await contract.call(patchPolicy, `${V1}/policies/contract`, { headers: publisher, payload: { grading: true } })).statusCode,
    ).toBe(409);
    const putPolicy = 'PUT /api/v1/policies/{policyId}';
    expect(
      (await contract.call(putPolicy, `${V1}/policies/contract`, { headers: publisher, payload: { schedule: '0 6 * * *' } })).statusCode,
    ).toBe(200);
    expect((await contract.call(putPolicy, `${V1}/policies/nope`, { headers: publisher, payload: {} })).statusCode).toBe(404);

    const simulate = 'POST /api/v1/policies/{policyId}/versions/{version}/simulate';
    const simulated = await contract.call(simulate, `${base}/versions/1/simulate`, { headers: publisher, payload: {} });
    expect(simulated.statusCode).toBe(202);
    await waitForRun(t, simulated.json<{ id: number }>().id);
    expect((await contract.call(simulate, `${base}/versions/99/simulate`, { headers: publisher, payload: {} })).statusCode).toBe(404);
    expect((await contract.call(simulate, `${base}/versions/1/simulate`, { headers: publisher, payload: { fast: true } })).statusCode).toBe(
      400,
    );

    const discard = 'DELETE /api/v1/policies/{policyId}/versions/{version}';
    const another = (await contract.call(create, `${base}/versions`, { headers: author, payload: {} })).json<{ version: number }>();
    expect((await contract.call(discard, `${base}/versions/${another.version}`, { headers: author })).statusCode).toBe(200);
    expect((await contract.call(discard, `${base}/versions/1`, { headers: author })).statusCode).toBe(409);
  });

  it('grading runs: start one, follow it, list them and their failures', async () => {
    const reader = await as('auditor');
    const publisher = await as('publisher');
    const start = 'POST /api/v1/grading-runs';
    const started = await contract.call(start, `${V1}/grading-runs`, { headers: publisher, payload: { filter: { tiers: ['A', 'B'] } } });
    expect(started.statusCode).toBe(202);
    const run = started.json<{ id: number }>();
    expect(started.headers['location']).toBe(`${V1}/grading-runs/${run.id}`);
    expect(
      (await contract.call(start, `${V1}/grading-runs`, { headers: publisher, payload: { filter: { colour: 'red' } } })).statusCode,
    ).toBe(400);
    expect((await contract.call(start, `${V1}/grading-runs`, { headers: reader, payload: {} })).statusCode).toBe(403);
    await waitForRun(t, run.id);

    const one = 'GET /api/v1/grading-runs/{id}';
    expect((await contract.call(one, `${V1}/grading-runs/${run.id}`, { headers: reader })).statusCode).toBe(200);
    expect((await contract.call(one, `${V1}/grading-runs/999999`, { headers: reader })).statusCode).toBe(404);
    expect((await contract.call(one, `${V1}/grading-runs/not-a-run`, { headers: reader })).statusCode).toBe(400);
    const list = 'GET /api/v1/grading-runs';
    expect((await contract.call(list, `${V1}/grading-runs`, { headers: reader })).statusCode).toBe(200);
    expect(
      (await contract.call(list, `${V1}/grading-runs?sort=${encodeURIComponent('["cost","ASC"]')}`, { headers: reader })).statusCode,
    ).toBe(400);
    const failures = 'GET /api/v1/grading-runs/{id}/failures';
    expect((await contract.call(failures, `${V1}/grading-runs/${run.id}/failures`, { headers: reader })).statusCode).toBe(200);
    expect((await contract.call(failures, `${V1}/grading-runs/999999/failures`, { headers: reader })).statusCode).toBe(404);
  });

  it('audit events and their export', async () => {
    const auditor = await as('auditor');
    expect((await contract.call('GET /api/v1/audit-events', `${V1}/audit-events`, { headers: auditor })).statusCode).toBe(200);
    expect((await contract.call('GET /api/v1/audit-events', `${V1}/audit-events`, { headers: await as('agent') })).statusCode).toBe(403);
    const csv = 'GET /api/v1/audit-events/export.csv';
    expect((await contract.call(csv, `${V1}/audit-events/export.csv`, { headers: auditor })).statusCode).toBe(200);
    const badSort = `?sort=${encodeURIComponent('["actor","ASC"]')}`;
    expect((await contract.call(csv, `${V1}/audit-events/export.csv${badSort}`, { headers: auditor })).statusCode).toBe(400);
  });

  it('dashboard aggregates', async () => {
    for (const [operation, url] of [
      ['GET /api/v1/dashboard/tiers', `${V1}/dashboard/tiers`],
      ['GET /api/v1/dashboard/value-matrix', `${V1}/dashboard/value-matrix`],
    ] as const) {
      expect((await contract.call(operation, url, { headers: await as('publisher') })).statusCode).toBe(200);
      expect((await contract.call(operation, url, { headers: await as('agent') })).statusCode).toBe(403);
    }
  });

  // Last: a route in the document that no test above called fails here, by name.
  it('exercised every operation of the document, with a success and an error', () => {
    expect(contract.missing(NO_ERROR_POSSIBLE)).toEqual([]);
  });
});
