import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders } from './support/auth.js';
import { customerFacts, customerFactory } from './support/customer.factory.js';
import { listQuery, putCustomer, errorPaths } from './support/http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  summary: Record<string, unknown>;
  requestId: string | null;
}

describe('audit log API', () => {
  let t: TestApp;
  let auditor: Record<string, string>;
  const ADMIN = 'user:test-admin';

  beforeAll(async () => {
    t = await startTestApp();
    auditor = await authHeaders(t, 'auditor');
    const admin = await authHeaders(t, 'admin');
    // customer.create twice and customer.update once, by the test admin.
    await putCustomer(t.app, customerFactory({ id: 'AU-1', tier: 'A' }), { ...admin, 'x-request-id': 'audit-put-1' });
    await putCustomer(t.app, customerFactory({ id: 'AU-2', tier: 'B', name: 'Comma, "Quoted" Co' }), admin);
    await putCustomer(t.app, { id: 'AU-1', name: 'Renamed', facts: customerFacts('C') }, admin);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function list(params: { sort?: unknown; range?: unknown; filter?: unknown }, headers = auditor) {
    return t.app.inject({ method: 'GET', url: `/api/v1/audit-events?${listQuery(params)}`, headers });
  }

  it('lists newest first with Content-Range, each event with its actor, action, target and request id', async () => {
    const [{ total }] = (await t.db.sql<{ total: number }>('SELECT count(*)::int AS total FROM audit_events')) as [{ total: number }];
    const response = await list({});
    expect(response.statusCode).toBe(200);
    const events = response.json<AuditEvent[]>();
    expect(response.headers['content-range']).toBe(`audit-events 0-${events.length - 1}/${total}`);
    const ats = events.map((event) => event.at);
    expect(ats).toEqual([...ats].sort().reverse());
    expect(events.find((event) => event.requestId === 'audit-put-1')).toEqual({
      id: expect.any(Number),
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      actor: ADMIN,
      action: 'customer.create',
      target: 'customer:AU-1',
      summary: expect.objectContaining({ tier: 'A', version: 1 }),
      requestId: 'audit-put-1',
    });
  });

  it('filters by action, target and actor, each as one value or a list', async () => {
    const updates = (await list({ filter: { action: 'customer.update' } })).json<AuditEvent[]>();
    expect(updates.map((event) => [event.action, event.target])).toEqual([['customer.update', 'customer:AU-1']]);

    const forAu1 = (await list({ filter: { target: ['customer:AU-1'] }, sort: ['id', 'ASC'] })).json<AuditEvent[]>();
    expect(forAu1.map((event) => event.action)).toEqual(['customer.create', 'customer.update']);

    const bySystem = (await list({ filter: { actor: 'system', action: ['policy.publish', 'customer.create'] } })).json<AuditEvent[]>();
    expect(bySystem.map((event) => [event.actor, event.action])).toEqual([['system', 'policy.publish']]);
  });

  it('filters by time, a date-only "to" covering its whole day', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const all = await list({ filter: { action: 'customer.create' } });
    const todays = await list({ filter: { action: 'customer.create', from: today, to: today } });
    expect(todays.json()).toEqual(all.json());
    expect(todays.json()).toHaveLength(2);

    const earlier = await list({ filter: { to: '2000-01-01' } });
    expect(earlier.json()).toEqual([]);
    expect(earlier.headers['content-range']).toBe('audit-events */0');

    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const recent = await list({ filter: { action: 'customer.create', from: anHourAgo } });
    expect(recent.json()).toHaveLength(2);
  });

  it('sorts and pages', async () => {
    const [{ total }] = (await t.db.sql<{ total: number }>('SELECT count(*)::int AS total FROM audit_events')) as [{ total: number }];
    const first = await list({ sort: ['id', 'ASC'], range: [0, 1] });
    const second = await list({ sort: ['id', 'ASC'], range: [2, 3] });
    expect(first.headers['content-range']).toBe(`audit-events 0-1/${total}`);
    expect(second.headers['content-range']).toBe(`audit-events 2-3/${total}`);
    const ids = [...first.json<AuditEvent[]>(), ...second.json<AuditEvent[]>()].map((event) => event.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(4);

    const byAction = (await list({ sort: ['action', 'ASC'], range: [0, 99] })).json<AuditEvent[]>().map((event) => event.action);
    expect(byAction).toEqual([...byAction].sort());
  });

  it('answers 400 listing every bad parameter', async () => {
    const response = await list({ sort: ['summary', 'ASC'], range: [0, 1000], filter: { from: '2026-02-30', colour: 'red' } });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(['/filter/colour', '/filter/from', '/range', '/sort/0']);
  });

  it('is for auditors and admins only', async () => {
    expect((await list({}, await authHeaders(t, 'admin'))).statusCode).toBe(200);
    expect((await list({}, await authHeaders(t, 'author'))).statusCode).toBe(403);
    expect((await list({}, await authHeaders(t, 'agent'))).statusCode).toBe(403);
    const exported = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit-events/export.csv',
      headers: await authHeaders(t, 'publisher'),
    });
    expect(exported.statusCode).toBe(403);
  });

  describe('CSV export', () => {
    async function exportCsv(params: { sort?: unknown; filter?: unknown } = {}) {
      return t.app.inject({ method: 'GET', url: `/api/v1/audit-events/export.csv?${listQuery(params)}`, headers: auditor });
    }

    it('streams the filtered events as CSV with a header row, as an attachment', async () => {
      const response = await exportCsv({ filter: { target: ['customer:AU-1', 'customer:AU-2'] } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="audit-events-.*\.csv"$/);
      const rows = parse<Record<string, string>>(response.body, { columns: true });
      const listed = (await list({ filter: { target: ['customer:AU-1', 'customer:AU-2'] }, sort: ['at', 'ASC'] })).json<AuditEvent[]>();
      expect(rows).toEqual(
        listed.map((event) => ({
          id: String(event.id),
          at: event.at,
          actor: event.actor,
          action: event.action,
          target: event.target,
          requestId: event.requestId ?? '',
          summary: JSON.stringify(event.summary),
        })),
      );
      expect(response.body.split('\r\n')[0]).toBe('id,at,actor,action,target,requestId,summary');
    });

    it('escapes commas, quotes and line breaks, and defuses spreadsheet formulas', async () => {
      await t.db.sql(
        `INSERT INTO audit_events (actor, action, target, summary, request_id)
         VALUES ('=HYPERLINK("x")', 'test.escape', 'a,b "c"', '{"note": "line\\nbreak"}', null)`,
      );
      const response = await exportCsv({ filter: { action: 'test.escape' } });
      const lines = response.body.split('\r\n');
      expect(lines[1]).toMatch(/^\d+,[^,]+,"'=HYPERLINK\(""x""\)",test\.escape,"a,b ""c""",,"\{""note"":""line\\nbreak""\}"$/);
      const [row] = parse<Record<string, string>>(response.body, { columns: true });
      expect(row).toMatchObject({ actor: `'=HYPERLINK("x")`, target: 'a,b "c"', requestId: '', summary: '{"note":"line\\nbreak"}' });
    });

    it('exports every event across many pages, in order, each once', async () => {
      // One statement: 2,500 events share one timestamp, so only the id keeps the pages apart.
      await t.db.sql(
        `INSERT INTO audit_events (actor, action, target, summary)
         SELECT 'test', 'test.bulk', 'thing:' || n, jsonb_build_object('n', n) FROM generate_series(1, 2500) AS n`,
      );
      const ascending = parse<Record<string, string>>((await exportCsv({ filter: { action: 'test.bulk' } })).body, { columns: true });
      expect(ascending).toHaveLength(2500);
      const ids = ascending.map((row) => Number(row['id']));
      expect(new Set(ids).size).toBe(2500);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));

      const descending = parse<Record<string, string>>((await exportCsv({ filter: { action: 'test.bulk' }, sort: ['id', 'DESC'] })).body, {
        columns: true,
      });
      expect(descending.map((row) => Number(row['id']))).toEqual([...ids].reverse());
    });

    it('answers a header row alone when nothing matches, and 400 to a bad filter', async () => {
      const empty = await exportCsv({ filter: { action: 'nothing.matches' } });
      expect(empty.statusCode).toBe(200);
      expect(empty.body).toBe('id,at,actor,action,target,requestId,summary\r\n');
      const bad = await exportCsv({ filter: { from: 'yesterday' }, sort: ['actor', 'ASC'] });
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  describe('append-only at the SQL level', () => {
    it.each([
      ['UPDATE', `UPDATE audit_events SET actor = 'someone-else'`],
      ['DELETE', 'DELETE FROM audit_events'],
      ['TRUNCATE', 'TRUNCATE audit_events'],
    ])('refuses %s', async (operation, statement) => {
      const before = await t.db.sql('SELECT * FROM audit_events ORDER BY id');
      await expect(t.db.sql(statement)).rejects.toThrow(`audit_events is append-only: ${operation} is not allowed`);
      expect(await t.db.sql('SELECT * FROM audit_events ORDER BY id')).toEqual(before);
    });
  });
});
