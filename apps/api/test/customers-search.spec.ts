import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders } from './support/auth.js';
import { customerFactory } from './support/customer.factory.js';
import { listQuery, putCustomer } from './support/http.js';
import { jsonl, postImport } from './support/import.js';
import { draftOf, publish, seedDocument, withTierAThreshold } from './support/policies-helpers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// The list's q is looked for in customer_search (migration 1796800000000), a narrow copy of each
// customer's id, name, phone and tier kept by triggers: it must stay what the tables say through
// every kind of write, and find what a case-insensitive substring search of those fields finds
// (a q of one word is counted from customer_search_words, migration 1796900000000).

describe('customer search (q)', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let reader: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await authHeaders(t, 'admin');
    reader = await authHeaders(t, 'auditor');
    const customers = [
      customerFactory({ id: 'SRCH-1', name: 'Ruilong Pharma Group', tier: 'A' }),
      customerFactory({ id: 'SRCH-2', name: 'Hualong PHARMACEUTICALS', tier: 'B' }),
      customerFactory({ id: 'SRCH-3', name: 'Tianhai Foods', tier: 'C' }),
      customerFactory({ id: 'SRCH-4', name: 'Pharmacy 100% Studio', tier: 'C' }),
    ];
    expect((await postImport(t, 'application/x-ndjson', jsonl(customers), admin)).statusCode).toBe(200);
    await t.db.sql(`UPDATE customers SET phone = '+8613800001234' WHERE id = 'SRCH-3'`);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function search(filter: Record<string, unknown>, sort: [string, string] = ['id', 'ASC']) {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/customers?${listQuery({ filter, sort })}`, headers: reader });
    expect(response.statusCode, response.body).toBe(200);
    return { ids: response.json<{ id: string }[]>().map((row) => row.id), total: Number(response.headers['content-range']!.split('/')[1]) };
  }

  /** Every search row as the tables say it should be, and nothing else. */
  async function expectSearchRowsExact(): Promise<void> {
    const [row] = await t.db.sql<{ missing: number; extra: number }>(
      `WITH expected AS (SELECT c.id, lower(c.id || chr(31) || c.name || chr(31) || coalesce(c.phone, '')) AS text FROM customers c)
       SELECT (SELECT count(*)::int FROM (SELECT * FROM expected EXCEPT SELECT id, text FROM customer_search) d) AS missing,
              (SELECT count(*)::int FROM (SELECT id, text FROM customer_search EXCEPT SELECT * FROM expected) d) AS extra`,
    );
    expect(row).toEqual({ missing: 0, extra: 0 });
    // And its words (1796900000000, without the tier since 1797200000000), every one of them in the dictionary.
    const [words] = await t.db.sql<{ missing: number; extra: number; unknown: number }>(
      `WITH expected AS (
         SELECT DISTINCT w.word, s.id AS customer_id
           FROM customer_search s, regexp_split_to_table(s.text, '[^[:alnum:]]+') AS w(word) WHERE w.word <> '')
       SELECT (SELECT count(*)::int FROM (SELECT * FROM expected EXCEPT SELECT * FROM customer_search_words) d) AS missing,
              (SELECT count(*)::int FROM (SELECT * FROM customer_search_words EXCEPT SELECT * FROM expected) d) AS extra,
              (SELECT count(*)::int FROM customer_search_words x
                WHERE NOT EXISTS (SELECT 1 FROM customer_search_dictionary d WHERE d.word = x.word)) AS unknown`,
    );
    expect(words).toEqual({ missing: 0, extra: 0, unknown: 0 });
  }

  it('finds text anywhere in the id, name or phone number, ignoring case, with an exact total', async () => {
    expect(await search({ q: 'pharma' })).toEqual({ ids: ['SRCH-1', 'SRCH-2', 'SRCH-4'], total: 3 });
    expect(await search({ q: 'PHARMA', tier: 'B' })).toEqual({ ids: ['SRCH-2'], total: 1 });
    expect(await search({ q: 'pharma', tier: ['A', 'C'] }, ['name', 'DESC'])).toEqual({ ids: ['SRCH-1', 'SRCH-4'], total: 2 });
    expect(await search({ q: 'srch-3' })).toEqual({ ids: ['SRCH-3'], total: 1 });
    expect(await search({ q: '00001234' })).toEqual({ ids: ['SRCH-3'], total: 1 });
    expect(await search({ q: '100%' })).toEqual({ ids: ['SRCH-4'], total: 1 });
    expect(await search({ q: 'long' })).toEqual({ ids: ['SRCH-1', 'SRCH-2'], total: 2 });
    expect(await search({ q: 'long pharma' })).toEqual({ ids: ['SRCH-1', 'SRCH-2'], total: 2 });
    expect(await search({ q: 'long pharma g' })).toEqual({ ids: ['SRCH-1'], total: 1 });
    expect(await search({ q: 'nowhere' })).toEqual({ ids: [], total: 0 });
    expect((await search({ q: 'pharma' }, ['score', 'DESC'])).ids).toEqual(['SRCH-1', 'SRCH-2', 'SRCH-4']);
    // A match never spans two fields: the end of an id and the start of its name.
    expect(await search({ q: '1ruilong' })).toEqual({ ids: [], total: 0 });
    expect(await search({ q: '1\u001fruilong' })).toEqual({ ids: [], total: 0 });
    // An empty q matches everyone.
    expect((await search({ q: '' })).total).toBe(Number((await t.db.sql<{ n: string }>('SELECT count(*) AS n FROM customers'))[0]!.n));
    await expectSearchRowsExact();
  });

  it('follows renames, new phone numbers, tiers set by hand, re-grades, ungraded and deleted customers', async () => {
    expect((await putCustomer(t.app, customerFactory({ id: 'SRCH-3', name: 'Tianhai Pharma Foods', tier: 'C' }), admin)).statusCode).toBe(
      200,
    );
    await t.db.sql(`UPDATE customers SET name = 'Ruilong Trading' WHERE id = 'SRCH-1'`);
    await t.db.sql(`UPDATE customers SET phone = '+8613900005678' WHERE id = 'SRCH-2'`);
    const override = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/customers/SRCH-4/tier-override',
      headers: admin,
      payload: { tier: 'A', reason: 'flagship studio' },
    });
    expect(override.statusCode).toBe(200);
    await t.db.sql(`INSERT INTO customers (id, name, facts) VALUES ('SRCH-U1', 'Ungraded Pharma', $1), ('SRCH-U2', 'Gone Pharma', $1)`, [
      customerFactory({ tier: 'C' }).facts,
    ]);
    await t.db.sql(`DELETE FROM customers WHERE id = 'SRCH-U2'`);
    await expectSearchRowsExact();
    expect(await search({ q: 'pharma' })).toEqual({ ids: ['SRCH-2', 'SRCH-3', 'SRCH-4', 'SRCH-U1'], total: 4 });
    expect(await search({ q: 'pharma', tier: 'A' })).toEqual({ ids: ['SRCH-4'], total: 1 });
    expect(await search({ q: '5678' })).toEqual({ ids: ['SRCH-2'], total: 1 });
    // Ungraded customers sort as the smallest tier.
    expect((await search({ q: 'pharma' }, ['tier', 'ASC'])).ids[0]).toBe('SRCH-U1');

    // Tier A from 62 points: the B customer (64) moves up, and the ungraded one is graded.
    const draft = await draftOf(t, withTierAThreshold(await seedDocument(t), 62));
    expect((await publish(t, draft.version)).statusCode).toBe(200);
    await expectSearchRowsExact();
    expect(await search({ q: 'pharma', tier: 'A' })).toEqual({ ids: ['SRCH-2', 'SRCH-4'], total: 2 });
  });
});
