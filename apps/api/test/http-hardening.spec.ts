import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders } from './support/auth.js';
import { customerFacts, customerFactory } from './support/customer.factory.js';
import { putCustomer } from './support/http.js';
import { csv, jsonl, postImport } from './support/import.js';
import { seedDocument } from './support/policies-helpers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const CONSOLE = 'http://localhost:5173';
const PROBLEM = /^application\/problem\+json/;

/** `{"a":{"a":...}}` nested `depth` levels deep, as text (JSON.stringify would recurse as deep). */
function nested(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

describe('HTTP hardening: CORS, hostile input, long ids, one error dialect', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let author: Record<string, string>;
  let customerRows: () => Promise<number>;

  beforeAll(async () => {
    t = await startTestApp({ corsOrigins: [CONSOLE] });
    admin = await authHeaders(t, 'admin');
    author = await authHeaders(t, 'author');
    customerRows = async () => Number((await t.db.sql('SELECT count(*) AS n FROM customers'))[0]!.n);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('CORS (point 1)', () => {
    it.each(['PUT', 'PATCH', 'DELETE'])('answers a %s preflight from a configured origin', async (method) => {
      const response = await t.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/customers/C-1',
        headers: { origin: CONSOLE, 'access-control-request-method': method, 'access-control-request-headers': 'content-type,if-match' },
      });
      expect(response.statusCode).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe(CONSOLE);
      expect(String(response.headers['access-control-allow-methods']).split(/,\s*/)).toContain(method);
    });

    it('gives no CORS headers to an origin that is not configured', async () => {
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/customers/C-1',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'DELETE' },
      });
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      const read = await t.app.inject({ method: 'GET', url: '/api/v1/customers', headers: { ...admin, origin: 'https://evil.example' } });
      expect(read.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('lets the configured origin read the paging, concurrency and retry headers', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/customers', headers: { ...admin, origin: CONSOLE } });
      expect(response.headers['access-control-allow-origin']).toBe(CONSOLE);
      const exposed = String(response.headers['access-control-expose-headers']).toLowerCase().split(/,\s*/);
      expect(exposed).toEqual(expect.arrayContaining(['content-range', 'etag', 'location', 'x-request-id', 'retry-after']));
    });
  });

  describe('input that cannot be stored is a 400 naming the field, with nothing written (point 3)', () => {
    it.each([
      ['a NUL in the name', { name: 'Acme\u0000Ltd', facts: customerFacts('B') }, '/name', 'NUL'],
      ['a NUL in a fact', { name: 'Acme', facts: customerFacts('B', { nature: 'priv\u0000ate' }) }, '/facts/nature', 'NUL'],
      ['a number past a double', null, '/facts/balance', 'too large'],
      ['facts nested 8,000 deep', null, '/facts/deep', 'nested more than 64'],
    ])('PUT /customers/{id} with %s', async (_what, body, path, message) => {
      const id = `H-${path.replace(/\W/g, '')}-${String(message).length}`;
      const payload =
        body !== null
          ? JSON.stringify(body)
          : message === 'too large'
            ? JSON.stringify({ name: 'Acme', facts: customerFacts('B') }).replace('"balance":10000', '"balance":1e400')
            : `{"name":"Acme","facts":{"deep":${nested(8000)}}}`;
      const response = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/customers/${id}`,
        headers: { ...admin, 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.json()).toMatchObject({ code: 'invalid-request', errors: [{ path: expect.stringMatching(`^${path}`) }] });
      expect(response.json<{ errors: { path: string; message: string }[] }>().errors[0]!.message).toContain(message);
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/customers/${id}`, headers: admin })).statusCode).toBe(404);
    });

    it('refuses a NUL in a tier override reason, leaving the customer as it was', async () => {
      const customer = customerFactory();
      expect((await putCustomer(t.app, customer, admin)).statusCode).toBe(201);
      const response = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/customers/${customer.id}/tier-override`,
        headers: admin,
        payload: { tier: 'A', reason: 'kept\u0000by hand' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'invalid-request', errors: [{ path: '/reason' }] });
      const stored = await t.app.inject({ method: 'GET', url: `/api/v1/customers/${customer.id}`, headers: admin });
      expect(stored.json<{ tierOverride?: unknown }>().tierOverride ?? null).toBeNull();
    });

    it('refuses a NUL in a draft note, a NUL in a policy string, a policy nested 8,000 deep and 1e400 in a policy', async () => {
      const drafts = async () => Number((await t.db.sql('SELECT count(*) AS n FROM policy_versions'))[0]!.n);
      const before = await drafts();
      const document = await seedDocument(t);
      const text = JSON.stringify({ document, note: 'raise A' });
      const cases: [string, string][] = [
        [JSON.stringify({ document, note: 'raise\u0000A' }), '/note'],
        [JSON.stringify({ document: { ...document, description: 'seed\u0000policy' } }), '/document/description'],
        [text.replace('"document":{', `"document":{"deep":${nested(8000)},`), '/document/deep'],
        [text.replace(/"value":75\b/, '"value":1e400'), '/document/grading'],
      ];
      expect(cases[3]![0]).toContain('1e400');
      for (const [payload, path] of cases) {
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/v1/policies/default/versions',
          headers: { ...author, 'content-type': 'application/json' },
          payload,
        });
        expect(response.statusCode, payload.slice(0, 80)).toBe(400);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.json<{ errors: { path: string; message: string }[] }>().errors[0]!.path).toMatch(new RegExp(`^${path}`));
      }
      expect(await drafts()).toBe(before);
    });

    it('reports a NUL, a huge number and deep nesting in JSON-lines import rows by line and field, writing nothing', async () => {
      const before = await customerRows();
      const good = customerFactory();
      const lines = [
        jsonl([good]).trim(),
        JSON.stringify({ ...customerFactory({ id: 'N-1' }), name: 'Nul\u0000Name' }),
        JSON.stringify(customerFactory({ id: 'N-2' })).replace('"balance":10000', '"balance":1e400'),
        `{"id":"N-3","name":"Deep","facts":${nested(8000)}}`,
      ];
      const response = await postImport(t, 'application/x-ndjson', lines.join('\n'), admin);
      expect(response.statusCode).toBe(422);
      expect(response.json<{ errors: { path: string; message: string }[] }>().errors).toEqual([
        { line: 2, customerId: 'N-1', path: '/name', message: expect.stringContaining('NUL') },
        { line: 3, customerId: 'N-2', path: '/facts/balance', message: expect.stringContaining('too large') },
        { line: 4, customerId: 'N-3', path: expect.stringMatching(/^\/facts\/a\/a/), message: expect.stringContaining('nested') },
      ]);
      expect(await customerRows()).toBe(before);
    });

    it('reports a NUL in a CSV cell by line and field, writing nothing', async () => {
      const before = await customerRows();
      const rows = [customerFactory(), customerFactory({ id: 'N-4', name: 'Nul\u0000Name' })];
      const response = await postImport(t, 'text/csv', csv(rows), admin);
      expect(response.statusCode).toBe(422);
      expect(response.json<{ errors: { path: string; message: string }[] }>().errors).toEqual([
        { line: 3, customerId: 'N-4', path: '/name', message: expect.stringContaining('NUL') },
      ]);
      expect(await customerRows()).toBe(before);
    });
  });

  it.each([
    ['/api/v1/customers', '/filter/q'],
    ['/api/v1/audit-events', '/filter/target'],
    ['/api/v1/tier-history', '/filter/customerId'],
  ])('answers 400 naming the filter for a NUL in a list filter on %s', async (url, path) => {
    const key = path.split('/')[2]!;
    const response = await t.app.inject({
      method: 'GET',
      url: `${url}?filter=${encodeURIComponent(JSON.stringify({ [key]: 'a\u0000b' }))}`,
      headers: admin,
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json<{ errors: { path: string }[] }>().errors.map((error) => error.path)).toEqual([path]);
  });

  it('answers 4xx problem+json for a NUL in a customer id on the call-centre route', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/decisions/a%00b', headers: admin });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('serves every per-customer route for a 128-character id (point 4)', async () => {
    const id = `L${'0123456789'.repeat(12)}abcdefg`;
    expect(id).toHaveLength(128);
    expect((await putCustomer(t.app, customerFactory({ id, tier: 'A' }), admin)).statusCode).toBe(201);
    const imported = await postImport(t, 'application/x-ndjson', jsonl([customerFactory({ id, tier: 'B' })]), admin);
    expect(imported.json()).toMatchObject({ imported: 1, updated: 1 });
    for (const url of [`/api/v1/customers/${id}`, `/api/v1/decisions/${id}`, `/api/v1/customers/${id}/tier-history`]) {
      const response = await t.app.inject({ method: 'GET', url, headers: admin });
      expect(response.statusCode, url).toBe(200);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/decisions/${id}`, headers: admin })).json()).toMatchObject({
      customerId: id,
      tier: 'B',
    });
    const override = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/customers/${id}/tier-override`,
      headers: admin,
      payload: { tier: 'A', reason: 'long ids work' },
    });
    expect(override.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/customers/${id}/tier-override`, headers: admin })).statusCode).toBe(200);
  });

  describe('one error dialect (point 11)', () => {
    it('answers a parameter past any id length with a 414 problem', async () => {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/customers/${'x'.repeat(300)}`, headers: admin });
      expect(response.statusCode).toBe(414);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.json()).toMatchObject({ status: 414, code: 'uri-too-long', title: 'The address is too long' });
    });

    it('answers a malformed percent-encoding with a 400 problem', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/customers/%E0%A4%A', headers: admin });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.json()).toMatchObject({ status: 400, code: 'bad-url' });
    });

    it('answers headers too large with a 431 problem, on a real socket', async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.app.getHttpServer().address() as AddressInfo;
      const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
        const request = httpRequest(
          { host: '127.0.0.1', port, path: '/health', headers: { 'x-filler': 'x'.repeat(20_000) } },
          (response) => {
            let body = '';
            response.on('data', (chunk: Buffer) => (body += chunk.toString()));
            response.on('end', () => resolve({ status: response.statusCode!, type: String(response.headers['content-type']), body }));
          },
        );
        request.on('error', reject);
        request.end();
      });
      expect(answer.status).toBe(431);
      expect(answer.type).toMatch(PROBLEM);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 431, code: 'headers-too-large' });
    });

    it('gives malformed JSON its own code and a plain title', async () => {
      const response = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/customers/C-1',
        headers: { ...admin, 'content-type': 'application/json' },
        payload: '{"name": ',
      });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.json()).toMatchObject({ code: 'malformed-json', title: 'The body is not valid JSON' });
    });

    it('keeps refusing a __proto__ key', async () => {
      const response = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/customers/C-1',
        headers: { ...admin, 'content-type': 'application/json' },
        payload: '{"name":"x","facts":{"__proto__":{"admin":true}}}',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'malformed-json', detail: expect.stringContaining('__proto__') });
    });

    it('answers JSON sent as text/plain with 415, yet takes a DELETE with text/plain and no body as react-admin sends it', async () => {
      const customer = customerFactory();
      const asText = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/customers/${customer.id}`,
        headers: { ...admin, 'content-type': 'text/plain' },
        payload: JSON.stringify({ name: customer.name, facts: customer.facts }),
      });
      expect(asText.statusCode).toBe(415);
      expect(asText.headers['content-type']).toMatch(PROBLEM);
      expect(asText.json()).toMatchObject({ code: 'unsupported-media-type', detail: expect.stringContaining('application/json') });

      expect((await putCustomer(t.app, customer, admin)).statusCode).toBe(201);
      await t.app.inject({
        method: 'PUT',
        url: `/api/v1/customers/${customer.id}/tier-override`,
        headers: admin,
        payload: { tier: 'A', reason: 'to be cleared' },
      });
      const cleared = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/customers/${customer.id}/tier-override`,
        headers: { ...admin, 'content-type': 'text/plain' },
      });
      expect(cleared.statusCode).toBe(200);
    });

    it('takes an empty application/json body as no body', async () => {
      const customer = customerFactory();
      expect((await putCustomer(t.app, customer, admin)).statusCode).toBe(201);
      const cleared = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/customers/${customer.id}/tier-override`,
        headers: { ...admin, 'content-type': 'application/json' },
      });
      expect(cleared.statusCode).not.toBe(400);
      expect(cleared.statusCode).toBeLessThan(500);
    });

    it('refuses unknown fields in PATCH /users/{name}, naming them', async () => {
      await authHeaders(t, 'auditor');
      const response = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/users/test-auditor',
        headers: admin,
        payload: { role: 'author', colour: 'blue' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json<{ errors: { path: string; message: string }[] }>().errors).toEqual([
        { path: '/colour', message: expect.stringContaining("unknown field 'colour'") },
      ]);
    });
  });
});
