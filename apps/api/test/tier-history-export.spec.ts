import { parse } from 'csv-parse/sync';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ListSort } from '../src/common/ra-list-query.js';
import { TIER_HISTORY_SORT_FIELDS, type TierHistorySortField } from '../src/tier-history/tier-history-list-query.js';
import { TierHistoryExportService } from '../src/tier-history/tier-history-export.service.js';
import { authHeaders } from './support/auth.js';
import { customerFacts, customerFactory } from './support/customer.factory.js';
import { errorPaths, listQuery, putCustomer } from './support/http.js';
import { jsonl, postImport } from './support/import.js';
import { startEmbeddedTestApp, startTestApp, type TestApp } from './support/test-app.js';

interface Entry {
  id: number;
  customerId: string;
  previousTier: string | null;
  newTier: string | null;
  score: number | null;
  policy: { id: string; version: number; hash: string };
  facts: Record<string, unknown>;
  cause: string;
  actor: string;
  at: string;
}

type Params = { sort?: unknown; filter?: unknown };

const HEADER = 'id,at,customerId,previousTier,newTier,score,cause,policyId,policyVersion,policyHash,actor,facts';
const BULK = 3000;

/** What the export writes for an entry of the list, as csv-parse reads it back. */
function asCsvRecord(entry: Entry): Record<string, string> {
  return {
    id: String(entry.id),
    at: entry.at,
    customerId: entry.customerId,
    previousTier: entry.previousTier ?? '',
    newTier: entry.newTier ?? '',
    score: entry.score === null ? '' : String(entry.score),
    cause: entry.cause,
    policyId: entry.policy.id,
    policyVersion: String(entry.policy.version),
    policyHash: entry.policy.hash,
    actor: entry.actor,
    facts: JSON.stringify(entry.facts),
  };
}

const records = (csv: string) => parse<Record<string, string>>(csv, { columns: true });

describe('tier history CSV export', () => {
  let t: TestApp;
  let reader: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    reader = await authHeaders(t, 'author');
    const admin = await authHeaders(t, 'admin');
    // Graded through the API: X-1 A, X-2 B, X-3 C, then X-1 falls to B.
    const imported = await postImport(
      t,
      'application/x-ndjson',
      jsonl([
        customerFactory({ id: 'X-1', tier: 'A' }),
        customerFactory({ id: 'X-2', tier: 'B' }),
        customerFactory({ id: 'X-3', tier: 'C' }),
      ]),
      admin,
    );
    expect(imported.statusCode).toBe(200);
    expect((await putCustomer(t.app, { id: 'X-1', name: 'X one', facts: customerFacts('B') }, admin)).statusCode).toBe(200);
    // Many entries in one statement, so they share one transaction time: `at` differs only by
    // microseconds (which a JavaScript Date cannot hold) and repeats, and tiers and scores repeat
    // and are null, so pages must break ties by id and carry nulls over page ends.
    await t.db.sql(
      `INSERT INTO tier_history (customer_id, previous_tier, new_tier, score, policy_id, policy_version, policy_hash, facts, cause, actor, at)
       SELECT 'X-' || (1 + n % 3),
              (ARRAY['A', 'B', 'C', NULL])[1 + n % 4],
              (ARRAY['C', NULL, 'A', 'B', 'A'])[1 + n % 5],
              CASE WHEN n % 6 = 0 THEN NULL ELSE (n % 11) * 7.25 - 30 END,
              p.policy_id, p.version, p.hash, jsonb_build_object('n', n), 'regrade', 'system',
              now() - (n % 17) * interval '1 microsecond'
       FROM generate_series(1, ${BULK}) AS n, (SELECT policy_id, version, hash FROM policy_versions LIMIT 1) AS p`,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  async function exportCsv(params: Params, headers = reader) {
    return t.app.inject({ method: 'GET', url: `/api/v1/tier-history/export.csv?${listQuery(params)}`, headers });
  }

  /** Sessions of the app on this database that sit in a transaction (an export's cursor left open would). */
  async function openTransactions(): Promise<number> {
    const [row] = await t.db.sql<{ open: number }>(
      `SELECT count(*)::int AS open FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`,
    );
    return row!.open;
  }

  /** Every entry the list selects, page after page of its largest page. */
  async function listAll(params: Params): Promise<Entry[]> {
    const entries: Entry[] = [];
    for (let start = 0; ; start += 500) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/tier-history?${listQuery({ ...params, range: [start, start + 499] })}`,
        headers: reader,
      });
      expect(response.statusCode).toBe(200);
      const page = response.json<Entry[]>();
      entries.push(...page);
      if (page.length < 500) return entries;
    }
  }

  it('answers the same rows in the same order as the list, as a CSV attachment with a header row', async () => {
    const response = await exportCsv({});
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="tier-history-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.csv"$/,
    );
    expect(response.body.split('\r\n')[0]).toBe(HEADER);
    const exported = records(response.body);
    // 3,004 entries: four pages of the export, newest first as the list has them.
    expect(exported).toHaveLength(BULK + 4);
    expect(exported).toEqual((await listAll({})).map(asCsvRecord));
  });

  it('narrows to what the filter selects, in the sort asked for', async () => {
    const filter = { customerId: 'X-1', cause: 'fact-change' };
    const response = await exportCsv({ filter, sort: ['id', 'ASC'] });
    const exported = records(response.body);
    expect(exported.map((row) => `${row['customerId']}:${row['previousTier'] || '-'}>${row['newTier']}`)).toEqual(['X-1:->A', 'X-1:A>B']);
    expect(exported).toEqual((await listAll({ filter, sort: ['id', 'ASC'] })).map(asCsvRecord));
    expect(exported[1]).toMatchObject({ actor: 'user:test-admin', policyId: 'default', policyVersion: '1' });

    const tierA = records((await exportCsv({ filter: { tier: 'A', from: '2001-01-01' }, sort: ['score', 'DESC'] })).body);
    expect(tierA.length).toBeGreaterThan(0);
    expect(tierA.length).toBeLessThan(BULK);
    expect(tierA.every((row) => row['newTier'] === 'A' || row['previousTier'] === 'A')).toBe(true);
    expect(tierA).toEqual((await listAll({ filter: { tier: 'A', from: '2001-01-01' }, sort: ['score', 'DESC'] })).map(asCsvRecord));

    const none = await exportCsv({ filter: { to: '2001-12-31' } });
    expect(none.statusCode).toBe(200);
    expect(none.body).toBe(`${HEADER}\r\n`);
  });

  it('keeps the list order for every sort field and direction across many small pages, through a cursor or keyset pages', async () => {
    const exporter = t.app.get(TierHistoryExportService);
    for (const field of TIER_HISTORY_SORT_FIELDS) {
      for (const order of ['ASC', 'DESC'] as const) {
        const listedIds = (await listAll({ sort: [field, order], filter: { cause: 'regrade' } })).map((entry) => entry.id);
        for (const reader of ['cursor', 'keyset'] as const) {
          const sort: ListSort<TierHistorySortField> = { field, order };
          // 97 rows a page: about 31 pages, whose ends fall on ties or nulls of some field.
          const csv = await text(await exporter.exportCsv({ sort, filter: { cause: ['regrade'] } }, { pageSize: 97, reader }));
          const exportedIds = records(csv).map((row) => Number(row['id']));
          expect(exportedIds, `${reader}: ${field} ${order}`).toHaveLength(BULK);
          expect(exportedIds, `${reader}: ${field} ${order}`).toEqual(listedIds);
        }
      }
    }
  });

  it("closes the cursor's transaction and frees its connection when the client stops part-way", async () => {
    const exporter = t.app.get(TierHistoryExportService);
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

  it('quotes commas, quotes, line breaks and edge spaces, and defuses spreadsheet formulas but not negative numbers', async () => {
    const [{ policy_hash: hash }] = (await t.db.sql<{ policy_hash: string }>(`SELECT policy_hash FROM tier_history LIMIT 1`)) as [
      { policy_hash: string },
    ];
    await t.db.sql(
      `INSERT INTO tier_history (customer_id, previous_tier, new_tier, score, policy_id, policy_version, policy_hash, facts, cause, actor)
       VALUES ('X-2', ' B', 'A,"1"', -12.5, 'default', 1, $1, $2, 'manual-override', '=HYPERLINK("x")'),
              ('X-2', NULL, '@A', NULL, 'default', 1, $1, '{}', 'manual-override', '-cmd|line
break')`,
      [hash, JSON.stringify({ note: 'a, "b"\nc' })],
    );
    const response = await exportCsv({ filter: { cause: 'manual-override' }, sort: ['id', 'ASC'] });
    const lines = response.body.split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(
      new RegExp(
        String.raw`^\d+,[^,]+Z,X-2," B","A,""1""",-12\.5,manual-override,default,1,[^,]+,"'=HYPERLINK\(""x""\)","\{""note"":""a, \\""b\\""\\nc""\}"$`,
      ),
    );
    expect(lines[2]).toMatch(/^\d+,[^,]+Z,X-2,,'@A,,manual-override,default,1,[^,]+,"'-cmd\|line\nbreak",\{\}$/);
    const [first, second] = records(response.body);
    expect(first).toMatchObject({
      previousTier: ' B',
      newTier: 'A,"1"',
      score: '-12.5',
      actor: `'=HYPERLINK("x")`,
      facts: '{"note":"a, \\"b\\"\\nc"}',
    });
    expect(second).toMatchObject({ previousTier: '', newTier: "'@A", score: '', actor: "'-cmd|line\nbreak" });
  });

  it('answers 400 as the list does to a bad sort or filter, before any CSV', async () => {
    const bad = await exportCsv({ sort: ['facts', 'ASC'], filter: { cause: 'whim', customerId: 'no spaces allowed', to: 'soon' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(errorPaths(bad)).toEqual(['/filter/cause', '/filter/customerId', '/filter/to', '/sort/0']);
    const unknownKey = await exportCsv({ filter: { colour: 'red' } });
    expect(unknownKey.statusCode).toBe(400);
  });

  it('is for the readers of the list: not for call-centre agents', async () => {
    expect((await exportCsv({ filter: { customerId: 'X-3' } }, await authHeaders(t, 'auditor'))).statusCode).toBe(200);
    const agent = await exportCsv({}, await authHeaders(t, 'agent'));
    expect(agent.statusCode).toBe(403);
    expect(agent.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await exportCsv({}, {})).statusCode).toBe(401);
  });
});

// Embedded PGlite has one session, which a cursor's transaction would take from every other
// request: there the export reads keyset pages, and a change made meanwhile is saved.
describe('tier history CSV export on embedded PGlite', () => {
  let dataDir: string;
  let t: TestApp;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tierwise-export-pglite-'));
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
      .get(TierHistoryExportService)
      .exportCsv({ sort: { field: 'customerId', order: 'DESC' }, filter: {} }, { pageSize: 4 });
    const reader = stream[Symbol.asyncIterator]();
    await reader.next();
    // Half-way through the export, the single session still takes a change (P-0 falls from A to C).
    expect((await putCustomer(t.app, { id: 'P-0', name: 'P zero', facts: customerFacts('C') }, admin)).statusCode).toBe(200);
    let csv = '';
    for (let chunk = await reader.next(); !chunk.done; chunk = await reader.next()) csv += String(chunk.value);
    expect(records(`${HEADER}\r\n${csv}`).length).toBeGreaterThanOrEqual(30);
    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/v1/tier-history?${listQuery({ sort: ['customerId', 'DESC'], range: [0, 99] })}`,
      headers: admin,
    });
    const over = await t.app.inject({
      method: 'GET',
      url: `/api/v1/tier-history/export.csv?${listQuery({ sort: ['customerId', 'DESC'] })}`,
      headers: admin,
    });
    expect(over.statusCode).toBe(200);
    const exported = records(over.body);
    expect(exported).toHaveLength(31);
    expect(exported).toEqual(listed.json<Entry[]>().map(asCsvRecord));
  });
});
