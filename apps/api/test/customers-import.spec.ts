import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders } from './support/auth.js';
import { customerFacts, customerFactory } from './support/customer.factory.js';
import { csv, jsonl, postImport } from './support/import.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const NDJSON = 'application/x-ndjson';

interface StoredCustomer {
  name: string;
  facts: Record<string, unknown>;
  gradedAt: string;
}
interface RejectedImport {
  detail: string;
  errors: { line: number; customerId: string | null; path: string; message: string }[];
}

describe('bulk import of customers', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await authHeaders(t, 'admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function counts(): Promise<{ customers: number; history: number; audit: number; assignments: number }> {
    const [row] = await t.db.sql<{ customers: number; history: number; audit: number; assignments: number }>(
      `SELECT (SELECT count(*)::int FROM customers) AS customers,
              (SELECT count(*)::int FROM tier_history) AS history,
              (SELECT count(*)::int FROM audit_events) AS audit,
              (SELECT count(*)::int FROM tier_assignments) AS assignments`,
    );
    return row!;
  }

  async function getCustomer(id: string) {
    return t.app.inject({ method: 'GET', url: `/api/v1/customers/${id}`, headers: admin });
  }

  it('imports JSON lines: creates, grades, records tier history and one audit event', async () => {
    const customers = [
      customerFactory({ id: 'J-1', tier: 'A' }),
      customerFactory({ id: 'J-2', tier: 'B' }),
      customerFactory({ id: 'J-3', tier: 'C' }),
    ];
    const response = await postImport(t, NDJSON, jsonl(customers), { ...admin, 'x-request-id': 'import-jsonl-1' });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      imported: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      tierChanges: 3,
      tiers: { A: 1, B: 1, C: 1 },
      policy: { id: 'default', version: 1, hash: expect.stringMatching(/^sha256:/) },
    });
    const stored = (await getCustomer('J-1')).json<StoredCustomer>();
    expect(stored).toMatchObject({ id: 'J-1', name: customers[0]!.name, facts: customers[0]!.facts, tier: 'A', version: 1 });
    const history = await t.db.sql(
      `SELECT customer_id, previous_tier, new_tier, cause, actor FROM tier_history WHERE customer_id LIKE 'J-%' ORDER BY customer_id`,
    );
    const actor = 'user:test-admin';
    expect(history).toEqual([
      { customer_id: 'J-1', previous_tier: null, new_tier: 'A', cause: 'fact-change', actor },
      { customer_id: 'J-2', previous_tier: null, new_tier: 'B', cause: 'fact-change', actor },
      { customer_id: 'J-3', previous_tier: null, new_tier: 'C', cause: 'fact-change', actor },
    ]);
    const audit = await t.db.sql(`SELECT actor, action, target, summary, request_id FROM audit_events WHERE request_id = 'import-jsonl-1'`);
    expect(audit).toEqual([
      {
        actor,
        action: 'customers.import',
        target: 'customers',
        request_id: 'import-jsonl-1',
        summary: expect.objectContaining({ imported: 3, created: 3, updated: 0, unchanged: 0, format: 'jsonl', policyVersion: 1 }),
      },
    ]);
  });

  it('accepts customerId in place of id, CRLF line ends, a byte-order mark and blank lines', async () => {
    const one = customerFactory({ id: 'K-1', tier: 'B' });
    const body = `\uFEFF${JSON.stringify({ customerId: one.id, name: one.name, facts: one.facts })}\r\n\r\n`;
    const response = await postImport(t, `${NDJSON}; charset=utf-8`, body, admin);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ imported: 1, created: 1, tiers: { B: 1 } });
    expect((await getCustomer('K-1')).json()).toMatchObject({ tier: 'B' });
  });

  it('imports CSV, reading each cell by its fact type', async () => {
    const customers = [
      customerFactory({ id: 'V-1', tier: 'A', name: 'Acme, "North" Ltd' }),
      customerFactory({ id: 'V-2', tier: 'C', facts: { blacklisted: false, upgradePotential: true } }),
    ];
    const response = await postImport(t, 'text/csv', csv(customers), admin);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ imported: 2, created: 2, tiers: { A: 1, C: 1 } });
    const stored = (await getCustomer('V-1')).json<StoredCustomer>();
    expect(stored.name).toBe('Acme, "North" Ltd');
    // Numbers and booleans, not the text of the cells.
    expect(stored.facts).toEqual(customers[0]!.facts);
    expect((await getCustomer('V-2')).json<StoredCustomer>().facts).toMatchObject({ upgradePotential: true, strength: 5 });
  });

  it('rejects a file with bad rows, listing each problem by line, and writes nothing', async () => {
    const before = await counts();
    const good = customerFactory({ id: 'B-1' });
    const lines = [
      JSON.stringify(good), // 1: fine
      '{"id": "B-2", "name": "Broken", ', // 2: not JSON
      JSON.stringify({ id: 'B-3', name: 'Unknown fact', facts: customerFacts('B', { shoeSize: 44 }) }), // 3
      JSON.stringify({ id: 'B-4', name: 'Wrong type', facts: customerFacts('B', { strength: 'strong' }) }), // 4
      '', // 5: blank, skipped but counted
      JSON.stringify({ id: 'B-6', name: 42, facts: customerFacts('B') }), // 6: a name that is not text
      JSON.stringify({ id: 'B-1', name: 'Again', facts: customerFacts('B') }), // 7: duplicate of line 1
      JSON.stringify({ id: 'has space', name: 'Bad id', facts: customerFacts('B'), colour: 'red' }), // 8
    ];
    const response = await postImport(t, NDJSON, lines.join('\n'), admin);

    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json<RejectedImport>();
    expect(problem).toMatchObject({ code: 'import-rejected', status: 422, totalErrors: 7, rowsRejected: 6, rowsRead: 7 });
    expect(problem.detail).toContain('6 of 7 row(s)');
    expect(problem.errors).toEqual([
      { line: 2, customerId: null, path: '', message: expect.stringContaining('not valid JSON') },
      { line: 3, customerId: 'B-3', path: '/facts/shoeSize', message: "unknown fact 'shoeSize'" },
      { line: 4, customerId: 'B-4', path: '/facts/strength', message: expect.stringContaining("'strength'") },
      { line: 6, customerId: 'B-6', path: '/name', message: 'name must be text' },
      { line: 7, customerId: 'B-1', path: '/id', message: "customer 'B-1' already appears on line 1; each customer may appear once" },
      { line: 8, customerId: 'has space', path: '/colour', message: expect.stringContaining("unknown field 'colour'") },
      { line: 8, customerId: 'has space', path: '/id', message: expect.stringContaining('must be 1-128 letters') },
    ]);
    expect(await counts()).toEqual(before);
    expect((await getCustomer('B-1')).statusCode).toBe(404);
  });

  it('rejects bad CSV cells and rows with their lines, and unknown columns once at the header', async () => {
    const before = await counts();
    const body = [
      'id,name,nature,strength,growth,profitContribution,relationship,strategicImportance,blacklisted,favouriteColour',
      'W-1,Fine,private,5,5,5,5,5,no,blue',
      'W-2,Not a number,private,five,5,5,5,5,no,',
      'W-3,"Spans',
      'two lines",private,5,5,5,5,5,maybe,',
      'W-4,Short row,private,5',
      'W-1,Twice,private,5,5,5,5,5,no,',
    ].join('\n');
    const response = await postImport(t, 'text/csv', body, admin);

    expect(response.statusCode).toBe(422);
    expect(response.json<RejectedImport>().errors).toEqual([
      { line: 1, customerId: null, path: '/columns/9', message: "column 'favouriteColour' is not a fact of the policy in force" },
      { line: 3, customerId: 'W-2', path: '/facts/strength', message: `'strength' must be a number, not "five"` },
      { line: 4, customerId: 'W-3', path: '/facts/blacklisted', message: expect.stringContaining('must be true, false, yes, no, 1 or 0') },
      { line: 6, customerId: 'W-4', path: '', message: 'the row has 4 cells but the header has 10 columns' },
      { line: 6, customerId: 'W-4', path: '/facts/growth', message: expect.stringContaining('is required') },
      { line: 6, customerId: 'W-4', path: '/facts/profitContribution', message: expect.stringContaining('is required') },
      { line: 6, customerId: 'W-4', path: '/facts/relationship', message: expect.stringContaining('is required') },
      { line: 6, customerId: 'W-4', path: '/facts/strategicImportance', message: expect.stringContaining('is required') },
      { line: 7, customerId: 'W-1', path: '/id', message: "customer 'W-1' already appears on line 2; each customer may appear once" },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('reports a CSV header without an id column once, not on every row', async () => {
    const response = await postImport(t, 'text/csv', 'nature,strength\nprivate,5\nprivate,6\n', admin);
    expect(response.statusCode).toBe(422);
    const paths = response.json<RejectedImport>().errors.filter((error) => error.path === '/columns');
    expect(paths).toEqual([{ line: 1, customerId: null, path: '/columns', message: 'the header needs an id column' }]);
    expect(response.json<RejectedImport>().errors.some((error) => error.path === '/id' || error.path === '/name')).toBe(false);
  });

  it('lists at most 1,000 problems but counts them all', async () => {
    const lines = Array.from({ length: 1200 }, (_, index) => `not json ${index}`);
    const response = await postImport(t, NDJSON, lines.join('\n'), admin);
    expect(response.statusCode).toBe(422);
    const problem = response.json<RejectedImport>();
    expect(problem.errors).toHaveLength(1000);
    expect(problem).toMatchObject({ totalErrors: 1200, rowsRejected: 1200 });
    expect(problem.errors.at(-1)!.line).toBe(1000);
  });

  it('is for admins only', async () => {
    const authorHeaders = await authHeaders(t, 'author');
    const before = await counts();
    const body = jsonl([customerFactory({ id: 'P-1' })]);
    const author = await postImport(t, NDJSON, body, authorHeaders);
    expect(author.statusCode).toBe(403);
    expect(author.json()).toMatchObject({ code: 'forbidden' });
    const nobody = await postImport(t, NDJSON, body);
    expect(nobody.statusCode).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('rejects an empty file', async () => {
    const response = await postImport(t, NDJSON, '\n\n', admin);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'import-rejected', errors: [{ line: 1, message: 'the file holds no customers' }] });
  });

  it.each([
    ['application/json', '[]'],
    ['text/plain', 'id,name'],
    ['text/csv; charset=iso-8859-1', 'id,name'],
  ])('answers 415 to a %s body', async (contentType, body) => {
    const before = await counts();
    const response = await postImport(t, contentType, body, admin);
    expect(response.statusCode).toBe(415);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'unsupported-media-type', status: 415 });
    expect(await counts()).toEqual(before);
  });

  it('answers 415 to a content type no parser knows', async () => {
    const response = await postImport(t, 'application/xml', '<customers/>', admin);
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'unsupported-media-type', title: 'Unsupported content type' });
  });

  it('answers 413, writing nothing, once a streamed body passes the size limit', async () => {
    const before = await counts();
    // Blank lines: cheap to send and to skip, so only the byte count can stop it.
    const megabyte = Buffer.alloc(1024 * 1024, '\n');
    const body = Readable.from(
      (function* () {
        for (let i = 0; i < 65; i += 1) yield megabyte;
      })(),
    );
    const response = await postImport(t, NDJSON, body, admin);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload-too-large', status: 413 });
    expect(await counts()).toEqual(before);
  });

  it('changes nothing when the same file is imported again, and records only real tier changes', async () => {
    const customers = [customerFactory({ id: 'R-1', tier: 'A' }), customerFactory({ id: 'R-2', tier: 'B' })];
    const first = await postImport(t, NDJSON, jsonl(customers), admin);
    expect(first.json()).toMatchObject({ created: 2, tierChanges: 2 });
    const historyAfterFirst = await counts();
    const gradedAt = (await getCustomer('R-1')).json<StoredCustomer>().gradedAt;

    const again = await postImport(t, NDJSON, jsonl(customers), admin);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ imported: 2, created: 0, updated: 0, unchanged: 2, tierChanges: 0, tiers: { A: 1, B: 1 } });
    const afterAgain = await counts();
    expect(afterAgain.history).toBe(historyAfterFirst.history);
    expect((await getCustomer('R-1')).json()).toMatchObject({ version: 1, gradedAt });

    // R-1 drops to C, R-2 gets a new name but keeps its tier.
    const changed = [
      { ...customers[0]!, facts: customerFacts('C') },
      { ...customers[1]!, name: 'Renamed' },
    ];
    const third = await postImport(t, 'text/csv', csv(changed), admin);
    expect(third.json()).toMatchObject({ created: 0, updated: 2, unchanged: 0, tierChanges: 1, tiers: { C: 1, B: 1 } });
    const history = await t.db.sql(
      `SELECT customer_id, previous_tier, new_tier FROM tier_history WHERE customer_id LIKE 'R-%' ORDER BY id`,
    );
    expect(history).toEqual([
      { customer_id: 'R-1', previous_tier: null, new_tier: 'A' },
      { customer_id: 'R-2', previous_tier: null, new_tier: 'B' },
      { customer_id: 'R-1', previous_tier: 'A', new_tier: 'C' },
    ]);
    expect((await getCustomer('R-2')).json()).toMatchObject({ name: 'Renamed', version: 2, tier: 'B' });
  });

  it('writes thousands of rows across several chunks in one go', async () => {
    const customers = Array.from({ length: 2500 }, (_, index) =>
      customerFactory({ id: `M-${String(index).padStart(5, '0')}`, tier: (['A', 'B', 'C'] as const)[index % 3] }),
    );
    const response = await postImport(t, NDJSON, jsonl(customers), admin);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ imported: 2500, created: 2500, tierChanges: 2500, tiers: { A: 834, B: 833, C: 833 } });
    const [stored] = await t.db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM tier_assignments WHERE customer_id LIKE 'M-%'`);
    expect(stored!.n).toBe(2500);
  });
});
