import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_AUDITED_IDS } from '../src/customers/import/imported-ids.js';
import { authHeaders } from './support/auth.js';
import { customerFacts, customerFactory, type CustomerInput } from './support/customer.factory.js';
import { putCustomer } from './support/http.js';
import { jsonl, postImport } from './support/import.js';
import { call } from './support/policies-helpers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// An auditor sees what changed, not only that something did: audit rows of
// updates carry summary.changes (the changed keys only, before and after), and
// an import names the customers it created and changed.

interface AuditEvent {
  action: string;
  target: string;
  summary: Record<string, unknown>;
}

describe('audit rows say what changed', () => {
  let t: TestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await authHeaders(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  /** The newest audit event for `target`, through the API as an auditor reads it. */
  async function latestAudit(target: string): Promise<AuditEvent> {
    const filter = encodeURIComponent(JSON.stringify({ target }));
    const response = await call(t, 'auditor', 'GET', `/api/v1/audit-events?filter=${filter}&sort=["id","DESC"]&range=[0,0]`);
    expect(response.statusCode).toBe(200);
    return response.json<AuditEvent[]>()[0]!;
  }

  it("a customer's PUT records the name and the facts that changed, before and after, and nothing else", async () => {
    const customer = customerFactory({ tier: 'B' });
    expect((await putCustomer(t.app, customer, admin)).statusCode).toBe(201);
    const changed: CustomerInput = {
      ...customer,
      name: 'Acme Holdings',
      facts: { ...customer.facts, strength: 15, upgradePotential: true },
    };
    delete changed.facts['daysOverdue'];
    expect((await putCustomer(t.app, changed, admin)).statusCode).toBe(200);

    const event = await latestAudit(`customer:${customer.id}`);
    expect(event.action).toBe('customer.update');
    expect(event.summary['changes']).toEqual({
      name: { before: customer.name, after: 'Acme Holdings' },
      facts: {
        strength: { before: 10, after: 15 },
        upgradePotential: { before: false, after: true },
        daysOverdue: { before: 0 },
      },
    });
  });

  it('a PUT that changes nothing records no changes', async () => {
    const customer = customerFactory({ tier: 'C' });
    expect((await putCustomer(t.app, customer, admin)).statusCode).toBe(201);
    expect((await putCustomer(t.app, customer, admin)).statusCode).toBe(200);
    expect((await latestAudit(`customer:${customer.id}`)).summary['changes']).toEqual({});
  });

  it("a user's update records role and disabled before and after; a new password only as the fact of its change", async () => {
    const created = await call(t, 'admin', 'POST', '/api/v1/users', {
      username: 'audited-erin',
      password: 'violet harbour kettle quartz 9',
      role: 'agent',
    });
    expect(created.statusCode).toBe(201);
    const patch = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'PATCH', url: '/api/v1/users/audited-erin', headers: admin, payload });
    const update = await patch({ role: 'auditor', disabled: true });
    expect(update.statusCode).toBe(200);
    expect((await latestAudit('user:audited-erin')).summary).toEqual({
      changes: { role: { before: 'agent', after: 'auditor' }, disabled: { before: false, after: true } },
    });
    const roleOnly = await patch({ role: 'auditor', disabled: false });
    expect(roleOnly.statusCode).toBe(200);
    expect((await latestAudit('user:audited-erin')).summary).toEqual({ changes: { disabled: { before: true, after: false } } });
  });

  it('a tier set by hand and its removal record the override and the tier, before and after', async () => {
    const customer = customerFactory({ tier: 'B' });
    expect((await putCustomer(t.app, customer, admin)).statusCode).toBe(201);
    const reason = 'strategic partner, kept in A by the sales director';
    expect((await call(t, 'publisher', 'PUT', `/api/v1/customers/${customer.id}/tier-override`, { tier: 'A', reason })).statusCode).toBe(
      200,
    );

    const set = await latestAudit(`customer:${customer.id}`);
    expect(set.action).toBe('customer.tier-override.set');
    expect(set.summary['changes']).toEqual({
      tierOverride: { before: null, after: { tier: 'A', reason, by: 'user:test-publisher', at: expect.any(String) as unknown } },
      tier: { before: 'B', after: 'A' },
    });

    expect((await call(t, 'publisher', 'DELETE', `/api/v1/customers/${customer.id}/tier-override`)).statusCode).toBe(200);
    const cleared = await latestAudit(`customer:${customer.id}`);
    expect(cleared.action).toBe('customer.tier-override.clear');
    expect(cleared.summary['changes']).toEqual({
      tierOverride: { before: expect.objectContaining({ tier: 'A', reason }) as unknown, after: null },
      tier: { before: 'A', after: 'B' },
    });
  });

  it('an import names the customers it created and those it changed; unchanged ones are not named', async () => {
    const kept = customerFactory({ id: 'imp-kept', tier: 'B' });
    const edited = customerFactory({ id: 'imp-edited', tier: 'B' });
    const fresh = customerFactory({ id: 'imp-fresh', tier: 'A' });
    expect((await putCustomer(t.app, kept, admin)).statusCode).toBe(201);
    expect((await putCustomer(t.app, edited, admin)).statusCode).toBe(201);
    const file = jsonl([kept, { ...edited, facts: customerFacts('A') }, fresh]);
    const response = await postImport(t, 'application/x-ndjson', file, admin);
    expect(response.statusCode).toBe(200);
    expect((await latestAudit('customers')).summary).toMatchObject({
      created: 1,
      updated: 1,
      unchanged: 1,
      createdIds: ['imp-fresh'],
      updatedIds: ['imp-edited'],
    });
  });

  it(`a large import keeps the first ${MAX_AUDITED_IDS} ids of each list, in id order, and says how many more there were`, async () => {
    const many = Array.from({ length: MAX_AUDITED_IDS + 7 }, (_, n) => customerFactory({ id: `bulk-${String(n).padStart(5, '0')}` }));
    const response = await postImport(t, 'application/x-ndjson', jsonl([...many].reverse()), admin);
    expect(response.statusCode).toBe(200);
    const { summary } = await latestAudit('customers');
    const createdIds = summary['createdIds'] as string[];
    expect(createdIds).toHaveLength(MAX_AUDITED_IDS);
    expect(createdIds.slice(0, 2)).toEqual(['bulk-00000', 'bulk-00001']);
    expect(createdIds.at(-1)).toBe(`bulk-${String(MAX_AUDITED_IDS - 1).padStart(5, '0')}`);
    expect(summary).toMatchObject({ created: MAX_AUDITED_IDS + 7, updatedIds: [], idsOmitted: { created: 7 }, idsKept: MAX_AUDITED_IDS });
  });
});
