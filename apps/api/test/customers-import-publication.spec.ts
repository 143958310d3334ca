import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomersImportService } from '../src/customers/import/customers-import.service.js';
import { DomainException } from '../src/common/domain.exception.js';
import { customerFacts, customerFactory } from './support/customer.factory.js';
import { jsonl } from './support/import.js';
import {
  draftOf,
  policyVariant,
  publish,
  seedDocument,
  storedDecision,
  withTierAThreshold,
  type PolicyDocument,
} from './support/policies-helpers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// An import checks its file against the version in force when it starts; these
// specs publish a new version while the file is still being read (the body's
// first bytes are asked for only after the import has read the policy).
describe('bulk import racing a policy publication', () => {
  let t: TestApp;
  let seed: PolicyDocument;
  beforeAll(async () => {
    t = await startTestApp();
    seed = await seedDocument(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function* publishingFirst(document: PolicyDocument, file: string): AsyncGenerator<Buffer> {
    const draft = await draftOf(t, document);
    const published = await publish(t, draft.version);
    if (published.statusCode !== 200) throw new Error(`publish failed: ${published.body}`);
    yield Buffer.from(file);
  }

  it('grades the rows with the version published meanwhile, not the one it started with', async () => {
    // 78 points: tier A while A starts at 75, tier B once it starts at 85.
    const customer = customerFactory({ id: 'RACE-1', facts: customerFacts('A', { relationship: 10, strategicImportance: 8 }) });
    const result = await t.app
      .get(CustomersImportService)
      .import(publishingFirst(withTierAThreshold(seed, 85), jsonl([customer])), { format: 'jsonl', actor: 'test', requestId: 'race-1' });

    expect(result.policy.version).toBe(2);
    expect(result.tiers).toEqual({ B: 1 });
    expect(await storedDecision(t, 'RACE-1')).toMatchObject({ tier: 'B', score: 78, policy: { version: 2 } });
  });

  it('rejects the file, writing nothing, when its rows do not fit the version published meanwhile', async () => {
    // Stored customers keep fitting (their balance is 10,000), so the publication succeeds.
    const balanceCapped = policyVariant(seed, (copy) => {
      copy.facts['balance'] = { ...copy.facts['balance'], max: 50_000 };
    });
    const customers = [
      customerFactory({ id: 'RACE-2', facts: { balance: 90_000 } }),
      customerFactory({ id: 'RACE-3', facts: { balance: 120_000 } }),
      customerFactory({ id: 'RACE-4', facts: { balance: 20_000 } }),
    ];
    const before = await t.db.sql('SELECT count(*)::int AS n FROM customers');

    const importing = t.app
      .get(CustomersImportService)
      .import(publishingFirst(balanceCapped, jsonl(customers)), { format: 'jsonl', actor: 'test', requestId: 'race-2' });
    const error = await importing.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );

    expect(error).toBeInstanceOf(DomainException);
    expect((error as DomainException).code).toBe('import-rejected');
    expect((error as DomainException).detail).toMatch(/^policy version \d+ was published while the file was read/);
    expect((error as DomainException).errors).toEqual([
      { line: 1, customerId: 'RACE-2', path: '/facts/balance', message: expect.stringContaining('50000') },
      { line: 2, customerId: 'RACE-3', path: '/facts/balance', message: expect.stringContaining('50000') },
    ]);
    expect(await t.db.sql('SELECT count(*)::int AS n FROM customers')).toEqual(before);
  });
});
