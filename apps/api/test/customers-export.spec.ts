import { parse } from 'csv-parse/sync';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ListSort } from '../src/common/ra-list-query.js';
import { CUSTOMER_SORT_FIELDS, type CustomerSortField } from '../src/customers/customer-list-query.js';
import { CustomersExportService } from '../src/customers/customers-export.service.js';
import type { CustomerDto } from '../src/customers/dto/customer.dto.js';
import { authHeaders } from './support/auth.js';
import { customerFacts, customerFactory } from './support/customer.factory.js';
import { errorPaths, listQuery, putCustomer } from './support/http.js';
import { jsonl, postImport } from './support/import.js';
import { startEmbeddedTestApp, startTestApp, type TestApp } from './support/test-app.js';

type Params = { sort?: unknown; filter?: unknown };

const HEADER = 'id,name,tier,score,treatments,policyId,policyVersion,policyHash,gradedAt,tierOverride,tierOverrideReason';
const BULK = 3000;

/** The columns the list shows too, as the export writes them for a customer of the list. */
function asListColumns(customer: CustomerDto): Record<string, string> {
  return {
    id: customer.id,
    name: customer.name,
    tier: customer.tier ?? '',
    score: customer.score === null ? '' : String(customer.score),
    policyVersion: customer.policyVersion === null ? '' : String(customer.policyVersion),
    gradedAt: customer.gradedAt ?? '',
    tierOverride: customer.tierOverride?.tier ?? '',
    tierOverrideReason: customer.tierOverride?.reason ?? '',
  };
}

function listColumnsOf(row: Record<string, string>): Record<string, string> {
  const { treatments: _treatments, policyId: _policyId, policyHash: _policyHash, ...listed } = row;
  return listed;
}

const records = (csv: string) => parse<Record<string, string>>(csv, { columns: true });

// Facts for the rows written in SQL: what the seed policy reads, so every trigger finds its numbers.
const BULK_FACTS = JSON.stringify(customerFacts('C'));

describe('customers CSV export', () => {
  let t: TestApp;
  let reader: Record<string, string>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    reader = await authHeaders(t, 'author');
    admin = await authHeaders(t, 'admin');
    // Graded through the API by the seed policy: X-1 A, X-2 B (then kept in A by hand), X-3 C with the
    // small-account fee, X-4 blacklisted.
    const imported = await postImport(
      t,
      'application/x-ndjson',
      jsonl([
        customerFactory({ id: 'X-1', name: 'Xenon One', tier: 'A' }),
        customerFactory({ id: 'X-2', name: 'Xenon Two', tier: 'B' }),
        customerFactory({ id: 'X-3', name: 'Xenon Three', tier: 'C', facts: { balance: 1000 } }),
        customerFactory({ id: 'X-4', name: 'Xenon Four', tier: 'B', facts: { blacklisted: true } }),
      ]),
      admin,
    );
    expect(imported.statusCode).toBe(200);
    const override = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/customers/X-2/tier-override',
      headers: admin,
      payload: { tier: 'A', reason: 'strategic account, by the board' },
    });
    expect(override.statusCode).toBe(200);
    // Many customers in one statement, so created_at, updated_at and graded_at repeat (graded_at
    // differs by microseconds, which a JavaScript Date cannot hold), names, versions, tiers and
    // scores repeat, one in ten has no decision yet and some decisions have a null tier or score:
    // pages must break ties by id and carry nulls and the ungraded over page ends.
    await t.db.sql(
      `INSERT INTO customers (id, name, facts, version, tier_override)
       SELECT 'B-' || lpad(n::text, 5, '0'), 'Bulk ' || (n % 37), $1::jsonb, 1 + n % 5,
              CASE WHEN n % 100 = 0 THEN '{"tier":"B","reason":"bulk","by":"user:test-admin","at":"2026-01-01T00:00:00.000Z"}'::jsonb END
       FROM generate_series(1, ${BULK}) AS n`,
      [BULK_FACTS],
    );
    await t.db.sql(
      `INSERT INTO tier_assignments (customer_id, decision, tier, score, policy_id, policy_version, policy_hash, cause, graded_at)
       SELECT id, json_build_object('customerId', id, 'tier', tier, 'score', score, 'treatments', treatments),
              tier, score, p.policy_id, p.version, p.hash, 'regrade', now() - (n % 7) * interval '1 microsecond'
       FROM (
         SELECT 'B-' || lpad(n::text, 5, '0') AS id, n,
                (ARRAY['A', 'B', 'C', NULL])[1 + n % 4] AS tier,
                CASE WHEN n % 6 = 0 THEN NULL ELSE (n % 11) * 7.25 - 30 END AS score,
                (ARRAY['{"queue":{"priority":9,"greenChannel":false},"fee":{"amount":40,"currency":"HKD","period":"month"}}',
                       '{"accountManager":{"dedicated":true}}', '{}'])[1 + n % 3]::json AS treatments
         FROM generate_series(1, ${BULK}) AS n WHERE n % 10 <> 0
       ) graded, (SELECT policy_id, version, hash FROM policy_versions LIMIT 1) AS p`,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  async function exportCsv(params: Params, headers = reader) {
    return t.app.inject({ method: 'GET', url: `/api/v1/customers/export.csv?${listQuery(params)}`, headers });
  }

  /** Sessions of the app on this database that sit in a transaction (an export's cursor left open would). */
  async function openTransactions(): Promise<number> {
    const [row] = await t.db.sql<{ open: number }>(
      `SELECT count(*)::int AS open FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`,
    );
    return row!.open;
  }

  /** Every customer the list selects, page after page of its largest page. */
  async function listAll(params: Params): Promise<CustomerDto[]> {
    const customers: CustomerDto[] = [];
    for (let start = 0; ; start += 500) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/customers?${listQuery({ ...params, range: [start, start + 499] })}`,
        headers: reader,
      });
      expect(response.statusCode).toBe(200);
      const page = response.json<CustomerDto[]>();
      customers.push(...page);
      if (page.length < 500) return customers;
    }
  }

  it('answers the same customers in the same order as the list, as a CSV attachment with a header row', async () => {
    const response = await exportCsv({});
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="customers-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.csv"$/,
    );
    expect(response.body.split('\r\n')[0]).toBe(HEADER);
    const exported = records(response.body);
    // 3,004 customers: four pages of the export, by name as the list sorts by default.
    expect(exported).toHaveLength(BULK + 4);
    expect(exported.map(listColumnsOf)).toEqual((await listAll({})).map(asListColumns));
  });

  it("writes each decision's treatments as readable words, with the policy that made it and the tier set by hand", async () => {
    const exported = records(
      (await exportCsv({ filter: { id: ['X-1', 'X-2', 'X-3', 'X-4', 'B-00010', 'B-00100'] }, sort: ['id', 'ASC'] })).body,
    );
    const [policy] = await t.db.sql<{ hash: string }>(`SELECT hash FROM policy_versions WHERE policy_id = 'default' AND version = 1`);
    const byId = new Map(exported.map((row) => [row['id'], row]));
    expect(byId.get('X-1')).toEqual({
      id: 'X-1',
      name: 'Xenon One',
      tier: 'A',
      score: '100',
      treatments: 'accountManager: dedicated=true; queue: priority=1, greenChannel=true, slaSeconds=20, slaTarget=0.9',
      policyId: 'default',
      policyVersion: '1',
      policyHash: policy!.hash,
      gradedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as string,
      tierOverride: '',
      tierOverrideReason: '',
    });
    // Kept in A by hand: A's treatments, the score its facts earn, and who decided.
    expect(byId.get('X-2')).toMatchObject({
      tier: 'A',
      score: '64',
      treatments: 'accountManager: dedicated=true; queue: priority=1, greenChannel=true, slaSeconds=20, slaTarget=0.9',
      tierOverride: 'A',
      tierOverrideReason: 'strategic account, by the board',
    });
    expect(byId.get('X-3')).toMatchObject({
      tier: 'C',
      treatments: 'queue: priority=9, greenChannel=false, slaSeconds=20, slaTarget=0.85; fee: amount=40, currency=HKD, period=month',
    });
    expect(byId.get('X-4')?.['treatments']).toBe('blacklist: reason=on the blacklist; queue: priority=99, greenChannel=false');
    // Not graded yet: no tier, score, treatments or policy. Graded with no treatments: an empty cell.
    expect(byId.get('B-00010')).toMatchObject({ tier: '', score: '', treatments: '', policyId: '', policyVersion: '', gradedAt: '' });
    expect(byId.get('B-00100')).toMatchObject({ tier: '', tierOverride: 'B', tierOverrideReason: 'bulk' });
    const treatments = await t.app.inject({ method: 'GET', url: '/api/v1/decisions/X-3', headers: reader });
    expect(Object.keys(treatments.json<{ treatments: object }>().treatments)).toEqual(['queue', 'fee']);
  });

  it("narrows to what the list's filters select, in the sort asked for", async () => {
    const cases: Params[] = [
      { filter: { tier: 'A' }, sort: ['score', 'DESC'] },
      { filter: { tier: ['B', 'C'] }, sort: ['id', 'DESC'] },
      { filter: { q: 'xenon' }, sort: ['name', 'ASC'] },
      // One word: the list finds it through its word table, the export in the search text.
      { filter: { q: 'bulk', tier: 'C' }, sort: ['gradedAt', 'ASC'] },
      { filter: { q: 'ulk 3' }, sort: ['tier', 'ASC'] },
      { filter: { q: '0001' }, sort: ['id', 'ASC'] },
      { filter: { q: '   ' }, sort: ['version', 'DESC'] },
      { filter: { overridden: true }, sort: ['name', 'DESC'] },
      { filter: { overridden: false, tier: 'A' }, sort: ['policyVersion', 'ASC'] },
      { filter: { id: ['X-3', 'B-00007', 'B-00010', 'NOPE-1'] }, sort: ['score', 'ASC'] },
    ];
    for (const params of cases) {
      const response = await exportCsv(params);
      expect(response.statusCode, JSON.stringify(params)).toBe(200);
      const listed = (await listAll(params)).map(asListColumns);
      expect(listed.length, JSON.stringify(params)).toBeGreaterThan(0);
      expect(records(response.body).map(listColumnsOf), JSON.stringify(params)).toEqual(listed);
    }
    expect(records((await exportCsv({ filter: { overridden: true } })).body)).toHaveLength(BULK / 100 + 1);

    const none = await exportCsv({ filter: { q: 'no such customer' } });
    expect(none.statusCode).toBe(200);
    expect(none.body).toBe(`${HEADER}\r\n`);
  });

  // 36 exports and 18 lists of 3,000 customers: its time limit is a bound for a loaded machine, not a timing claim.
  it('keeps the list order for every sort field and direction across many small pages, through a cursor or keyset pages', async () => {
    const exporter = t.app.get(CustomersExportService);
    for (const field of CUSTOMER_SORT_FIELDS) {
      for (const order of ['ASC', 'DESC'] as const) {
        const listedIds = (await listAll({ sort: [field, order], filter: { q: 'bulk' } })).map((customer) => customer.id);
        expect(listedIds).toHaveLength(BULK);
        for (const reader of ['cursor', 'keyset'] as const) {
          const sort: ListSort<CustomerSortField> = { field, order };
          // 97 customers a page: 31 pages, whose ends fall on ties, nulls and the ungraded of some field.
          const csv = await text(await exporter.exportCsv({ sort, filter: { q: 'bulk' } }, { pageSize: 97, reader }));
          expect(
            records(csv).map((row) => row['id']),
            `${reader}: ${field} ${order}`,
          ).toEqual(listedIds);
        }
      }
    }
  }, 180_000);

  it("closes the cursor's transaction and frees its connection when the client stops part-way", async () => {
    const exporter = t.app.get(CustomersExportService);
    const stream = await exporter.exportCsv({ sort: { field: 'id', order: 'ASC' }, filter: {} }, { pageSize: 10, reader: 'cursor' });
    // The header and a page or two, then the client goes away.
    for await (const chunk of stream) {
      expect(String(chunk)).toContain('id');
      break;
    }
    await vi.waitFor(async () => expect(await openTransactions()).toBe(0), { timeout: 5000 });
    // And after a whole download over HTTP.
    expect((await exportCsv({})).statusCode).toBe(200);
    await vi.waitFor(async () => expect(await openTransactions()).toBe(0), { timeout: 5000 });
  });

  it('quotes commas, quotes, line breaks and edge spaces, defuses spreadsheet formulas, and keeps treatment values unambiguous', async () => {
    await t.db.sql(
      `INSERT INTO customers (id, name, facts) VALUES ('Q-1', '=HYPERLINK("x")', $1), ('Q-2', ' Acme, "Ltd"', $1), ('Q-3', '@SUM
(1)', $1)`,
      [BULK_FACTS],
    );
    const treatments = {
      fee: { amount: 40, note: 'a; b, c', code: '40', empty: '', opens: '09:30', tags: ['x', 'y'] },
      'watch-list': {},
    };
    await t.db.sql(
      `INSERT INTO tier_assignments (customer_id, decision, tier, score, policy_id, policy_version, policy_hash, cause)
       SELECT 'Q-1', json_build_object('treatments', $1::json), '-A', -12.5, policy_id, version, hash, 'regrade'
       FROM policy_versions LIMIT 1`,
      [JSON.stringify(treatments)],
    );
    const response = await exportCsv({ filter: { id: ['Q-1', 'Q-2', 'Q-3'] }, sort: ['id', 'ASC'] });
    const lines = response.body.split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(
      new RegExp(
        '^Q-1,"\'=HYPERLINK\\(""x""\\)",\'-A,-12\\.5,' +
          '"fee: amount=40, note=""a; b, c"", code=""40"", empty="""", opens=09:30, tags=\\[""x"",""y""\\]; watch-list",default,1,',
      ),
    );
    expect(lines[2]).toBe('Q-2," Acme, ""Ltd""",,,,,,,,,');
    expect(lines[3]).toBe(`Q-3,"'@SUM\n(1)",,,,,,,,,`);
    const [first, second, third] = records(response.body);
    expect(first).toMatchObject({
      name: `'=HYPERLINK("x")`,
      tier: "'-A",
      score: '-12.5',
      treatments: 'fee: amount=40, note="a; b, c", code="40", empty="", opens=09:30, tags=["x","y"]; watch-list',
    });
    expect(second).toMatchObject({ name: ' Acme, "Ltd"' });
    expect(third).toMatchObject({ name: "'@SUM\n(1)" });
  });

  it('answers 400 as the list does to a bad sort or filter, before any CSV', async () => {
    const bad = await exportCsv({ sort: ['facts', 'ASC'], filter: { q: 7, overridden: 'yes', id: 'no spaces allowed' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(errorPaths(bad)).toEqual(['/filter/id', '/filter/overridden', '/filter/q', '/sort/0']);
    const unknownKey = await exportCsv({ filter: { colour: 'red' } });
    expect(unknownKey.statusCode).toBe(400);
    expect(unknownKey.headers['content-type']).toMatch(/^application\/problem\+json/);
    const notJson = await t.app.inject({ method: 'GET', url: '/api/v1/customers/export.csv?filter=%7Bnope', headers: reader });
    expect(notJson.statusCode).toBe(400);
  });

  it('is for the readers of the list: not for call-centre agents', async () => {
    expect((await exportCsv({ filter: { id: ['X-1'] } }, await authHeaders(t, 'auditor'))).statusCode).toBe(200);
    const agent = await exportCsv({}, await authHeaders(t, 'agent'));
    expect(agent.statusCode).toBe(403);
    expect(agent.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await exportCsv({}, {})).statusCode).toBe(401);
  });
});

// Embedded PGlite has one session, which a cursor's transaction would take from every other
// request: there the export reads keyset pages, and a change made meanwhile is saved.
describe('customers CSV export on embedded PGlite', () => {
  let dataDir: string;
  let t: TestApp;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tierwise-customers-export-pglite-'));
    t = await startEmbeddedTestApp(dataDir);
  });
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('exports what the list shows, reading keyset pages while other requests write', async () => {
    const admin = await authHeaders(t, 'admin');
    const customers = Array.from({ length: 30 }, (_, n) => customerFactory({ id: `P-${n}`, tier: (['A', 'B', 'C'] as const)[n % 3] }));
    expect((await postImport(t, 'application/x-ndjson', jsonl(customers), admin)).statusCode).toBe(200);
    const stream = await t.app
      .get(CustomersExportService)
      .exportCsv({ sort: { field: 'score', order: 'DESC' }, filter: {} }, { pageSize: 4 });
    const reader = stream[Symbol.asyncIterator]();
    await reader.next();
    // Half-way through the export, the single session still takes a change (P-0 falls from A to C).
    expect((await putCustomer(t.app, { id: 'P-0', name: 'P zero', facts: customerFacts('C') }, admin)).statusCode).toBe(200);
    let csv = '';
    for (let chunk = await reader.next(); !chunk.done; chunk = await reader.next()) csv += String(chunk.value);
    expect(records(`${HEADER}\r\n${csv}`).length).toBeGreaterThanOrEqual(30);
    for (const params of [{ sort: ['score', 'DESC'] }, { sort: ['name', 'ASC'], filter: { tier: 'C', q: 'p' } }]) {
      const listed = await t.app.inject({
        method: 'GET',
        url: `/api/v1/customers?${listQuery({ ...params, range: [0, 99] })}`,
        headers: admin,
      });
      const over = await t.app.inject({ method: 'GET', url: `/api/v1/customers/export.csv?${listQuery(params)}`, headers: admin });
      expect(over.statusCode).toBe(200);
      const exported = records(over.body);
      expect(exported.length).toBeGreaterThanOrEqual(10);
      expect(exported.map(listColumnsOf)).toEqual(listed.json<CustomerDto[]>().map(asListColumns));
    }
    expect(records((await t.app.inject({ method: 'GET', url: '/api/v1/customers/export.csv', headers: admin })).body)).toHaveLength(30);
  });
});
