import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compilePolicy, evaluate } from '@tierwise/policy';
import { loadPolicyDocument } from '@tierwise/policy/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeedPolicy } from '../src/config/find-seed-policy.js';
import { authHeaders } from './support/auth.js';
import { customerFactory } from './support/customer.factory.js';
import { putCustomer } from './support/http.js';
import { postImport } from './support/import.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// One record format for the CLI and the import: the samples shipped for
// `tierwise evaluate` (flat records, customerId, no name) import as they are.
describe('importing the shipped samples (the CLI record format)', () => {
  const rules = findSeedPolicy()!;
  let t: TestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await authHeaders(t, 'admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('imports samples/customers.jsonl, then samples/customers.csv, grading each as the CLI does', async () => {
    const text = await readFile(join(rules, 'samples', 'customers.jsonl'), 'utf8');
    const records = text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const policy = compilePolicy(await loadPolicyDocument(rules));
    const expectedTiers: Record<string, number> = {};
    for (const record of records) {
      const result = evaluate(policy, record);
      if (!result.ok) throw new Error(`sample ${String(record['customerId'])} is invalid`);
      const tier = result.decision.tier ?? 'none';
      expectedTiers[tier] = (expectedTiers[tier] ?? 0) + 1;
    }

    const jsonl = await postImport(t, 'application/x-ndjson', text, admin);
    expect(jsonl.statusCode, jsonl.body.slice(0, 500)).toBe(200);
    expect(jsonl.json()).toMatchObject({ imported: 200, created: 200, updated: 0, unchanged: 0, tiers: expectedTiers });

    // The CSV holds 31 of the same customers with the same facts: nothing changes.
    const csv = await postImport(t, 'text/csv', await readFile(join(rules, 'samples', 'customers.csv')), admin);
    expect(csv.statusCode, csv.body.slice(0, 500)).toBe(200);
    expect(csv.json()).toMatchObject({ imported: 31, created: 0, updated: 0, unchanged: 31, tierChanges: 0 });

    const first = records[0]!;
    const stored = await t.app.inject({ method: 'GET', url: `/api/v1/customers/${String(first['customerId'])}`, headers: admin });
    const { customerId, ...facts } = first;
    expect(stored.json()).toMatchObject({ id: customerId, name: customerId, facts });
  });

  it('keeps an existing customer’s name when a record without one re-imports it, and names a new one by its id', async () => {
    const known = customerFactory({ name: 'Acme Trading' });
    expect((await putCustomer(t.app, known, admin)).statusCode).toBe(201);
    const fresh = customerFactory();
    const body = [
      JSON.stringify({ customerId: known.id, ...known.facts, strength: 1 }),
      JSON.stringify({ customerId: fresh.id, ...fresh.facts }),
    ].join('\n');
    const response = await postImport(t, 'application/x-ndjson', body, admin);
    expect(response.json()).toMatchObject({ imported: 2, created: 1, updated: 1 });
    const get = (id: string) => t.app.inject({ method: 'GET', url: `/api/v1/customers/${id}`, headers: admin });
    expect((await get(known.id)).json()).toMatchObject({ name: 'Acme Trading', facts: { strength: 1 } });
    expect((await get(fresh.id)).json()).toMatchObject({ name: fresh.id });
  });
});
