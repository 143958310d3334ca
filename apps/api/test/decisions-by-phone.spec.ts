import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders } from './support/auth.js';
import { customerFactory, type CustomerInput } from './support/customer.factory.js';
import { csv, postImport } from './support/import.js';
import { startEmbeddedTestApp, startTestApp, type TestApp } from './support/test-app.js';

// The call centre finds a customer by the number they call from (E.164, unique
// when present), and by an id matched exactly, with a hint when only its case differs.

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { path: string; message: string }[];
  suggestion?: string;
}

type WithPhone = CustomerInput & { phone?: string | null };

function put(t: TestApp, customer: WithPhone, headers: Record<string, string> = {}) {
  return authHeaders(t, 'admin').then((auth) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/customers/${encodeURIComponent(customer.id)}`,
      payload: { name: customer.name, facts: customer.facts, ...(customer.phone === undefined ? {} : { phone: customer.phone }) },
      headers: { ...auth, ...headers },
    }),
  );
}

// Agents read decisions; customers are read by the back office (an auditor here).
async function get(t: TestApp, url: string) {
  const role = url.startsWith('/api/v1/customers') ? 'auditor' : 'agent';
  return t.app.inject({ method: 'GET', url, headers: await authHeaders(t, role) });
}

describe('GET /api/v1/decisions?phone=', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the same decision as the id route, for a phone number given on PUT', async () => {
    const customer = { ...customerFactory({ tier: 'A' }), phone: '+8613800000000' };
    expect((await put(t, customer)).statusCode).toBe(201);
    const stored = await get(t, `/api/v1/customers/${customer.id}`);
    expect(stored.json()).toMatchObject({ id: customer.id, phone: '+8613800000000' });

    const byId = await get(t, `/api/v1/decisions/${customer.id}`);
    const byPhone = await get(t, '/api/v1/decisions?phone=%2B8613800000000');
    expect(byPhone.statusCode).toBe(200);
    expect(byPhone.headers['content-type']).toMatch(/^application\/json/);
    expect(byPhone.body).toBe(byId.body);
    expect(byPhone.json()).toMatchObject({ id: customer.id, customerId: customer.id, tier: 'A' });
  });

  it('reads a raw + (which a query string turns into a space) as the + it was', async () => {
    const customer = { ...customerFactory({ tier: 'B' }), phone: '+442071838750' };
    expect((await put(t, customer)).statusCode).toBe(201);
    const raw = await get(t, '/api/v1/decisions?phone=+442071838750');
    expect(raw.statusCode).toBe(200);
    expect(raw.json()).toMatchObject({ customerId: customer.id });
    // Spelled out as the space it decodes to, too.
    expect((await get(t, '/api/v1/decisions?phone=%20442071838750')).json()).toMatchObject({ customerId: customer.id });
  });

  it('refuses a lookup without a phone number, or with one not in E.164, naming the parameter', async () => {
    for (const url of [
      '/api/v1/decisions',
      '/api/v1/decisions?phone=',
      '/api/v1/decisions?phone=8613800000000',
      '/api/v1/decisions?phone=%2B0123',
    ]) {
      const response = await get(t, url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      expect(response.json<Problem>().errors?.[0]?.path, url).toBe('/query/phone');
    }
    const listLike = await get(t, '/api/v1/decisions?phone=%2B8613800000000&range=[0,9]');
    expect(listLike.statusCode).toBe(400);
    expect(listLike.json<Problem>().errors?.[0]?.path).toBe('/query/range');
  });

  it('answers 404 for a number no customer has', async () => {
    const response = await get(t, '/api/v1/decisions?phone=%2B15550000001');
    expect(response.statusCode).toBe(404);
    expect(response.json<Problem>()).toMatchObject({ code: 'customer-not-found', detail: 'no customer has the phone number +15550000001' });
  });

  it('refuses a phone number not in E.164 on PUT, naming /phone, and writes nothing', async () => {
    const customer = { ...customerFactory(), phone: '138 0000 0000' };
    const response = await put(t, customer);
    expect(response.statusCode).toBe(400);
    expect(response.json<Problem>().errors).toEqual([{ path: '/phone', message: expect.stringContaining('E.164') as unknown }]);
    expect((await get(t, `/api/v1/customers/${customer.id}`)).statusCode).toBe(404);
  });

  it('refuses a number another customer has with 409 naming the field, not the other customer, and keeps both as they were', async () => {
    const holder = { ...customerFactory({ id: `holder-${process.pid}` }), phone: '+8613911112222' };
    expect((await put(t, holder)).statusCode).toBe(201);
    const other = { ...customerFactory(), phone: '+8613933334444' };
    expect((await put(t, other)).statusCode).toBe(201);

    const clash = await put(t, { ...other, name: 'Renamed', phone: holder.phone });
    expect(clash.statusCode).toBe(409);
    expect(clash.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = clash.json<Problem>();
    expect(problem).toMatchObject({ code: 'phone-taken', errors: [{ path: '/phone' }] });
    expect(clash.body).not.toContain(holder.id);
    expect((await get(t, `/api/v1/customers/${other.id}`)).json()).toMatchObject({ name: other.name, phone: other.phone, version: 1 });

    // A new customer is refused alike.
    const newcomer = { ...customerFactory(), phone: holder.phone };
    expect((await put(t, newcomer)).statusCode).toBe(409);
    expect((await get(t, `/api/v1/customers/${newcomer.id}`)).statusCode).toBe(404);
  });

  it('frees a number when a PUT leaves it out, so another customer may take it', async () => {
    const first = { ...customerFactory(), phone: '+8613955556666' };
    expect((await put(t, first)).statusCode).toBe(201);
    expect((await put(t, { ...first, phone: null })).statusCode).toBe(200);
    expect((await get(t, '/api/v1/decisions?phone=%2B8613955556666')).statusCode).toBe(404);
    const second = { ...customerFactory(), phone: '+8613955556666' };
    expect((await put(t, second)).statusCode).toBe(201);
    expect((await get(t, '/api/v1/decisions?phone=%2B8613955556666')).json()).toMatchObject({ customerId: second.id });
  });
});

describe('phone numbers in a bulk import', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await authHeaders(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const line = (customer: CustomerInput, extra: Record<string, unknown> = {}) => JSON.stringify({ ...customer, ...extra });
  const importJsonl = (lines: string[]) => postImport(t, 'application/x-ndjson', lines.join('\n') + '\n', admin);
  const phoneOf = async (id: string) => (await get(t, `/api/v1/customers/${id}`)).json<{ phone: string | null }>().phone;

  it('takes a JSONL field phone (the nested and the flat record alike); a line without it keeps the stored number', async () => {
    const nested = customerFactory({ tier: 'A' });
    const flat = customerFactory({ tier: 'B' });
    const flatLine = JSON.stringify({ customerId: flat.id, name: flat.name, phone: '+8613822223333', ...flat.facts });
    expect((await importJsonl([line(nested, { phone: '+8613811112222' }), flatLine])).statusCode).toBe(200);
    expect((await get(t, '/api/v1/decisions?phone=%2B8613811112222')).json()).toMatchObject({ id: nested.id });
    expect((await get(t, '/api/v1/decisions?phone=%2B8613822223333')).json()).toMatchObject({ id: flat.id });

    expect((await importJsonl([line({ ...nested, name: 'Renamed' })])).statusCode).toBe(200);
    expect(await phoneOf(nested.id)).toBe('+8613811112222');
    expect((await importJsonl([line(nested, { phone: null })])).statusCode).toBe(200);
    expect(await phoneOf(nested.id)).toBeNull();
  });

  it('takes a CSV column phone; an empty cell clears the number', async () => {
    const [first, second] = [customerFactory(), customerFactory()];
    const withPhone = (text: string, phones: string[]) =>
      text
        .trimEnd()
        .split('\r\n')
        .map((row, index) => `${row},${index === 0 ? 'phone' : phones[index - 1]}`)
        .join('\r\n') + '\r\n';
    expect((await postImport(t, 'text/csv', withPhone(csv([first, second]), ['+4915112345678', '']), admin)).statusCode).toBe(200);
    expect(await phoneOf(first.id)).toBe('+4915112345678');
    expect(await phoneOf(second.id)).toBeNull();
  });

  it('refuses a number not in E.164 or given twice in the file, naming the line and /phone, and writes nothing', async () => {
    const [a, b, c] = [customerFactory(), customerFactory(), customerFactory()];
    const response = await importJsonl([
      line(a, { phone: '0086 138' }),
      line(b, { phone: '+8613844445555' }),
      line(c, { phone: '+8613844445555' }),
    ]);
    expect(response.statusCode).toBe(422);
    const errors = response.json<{ errors: { line: number; path: string; message: string }[] }>().errors;
    expect(errors.map(({ line: at, path }) => ({ line: at, path }))).toEqual([
      { line: 1, path: '/phone' },
      { line: 3, path: '/phone' },
    ]);
    expect(errors[1]!.message).toContain('already on line 2');
    expect((await get(t, `/api/v1/customers/${b.id}`)).statusCode).toBe(404);
  });

  it('refuses a number another customer already holds with 409 phone-taken, writing nothing', async () => {
    const holder = { ...customerFactory(), phone: '+8613866667777' };
    expect((await put(t, holder)).statusCode).toBe(201);
    const newcomer = customerFactory();
    const response = await importJsonl([line(newcomer, { phone: holder.phone })]);
    expect(response.statusCode).toBe(409);
    expect(response.json<Problem>()).toMatchObject({ code: 'phone-taken', errors: [{ path: '/phone' }] });
    expect(response.body).not.toContain(holder.id);
    expect((await get(t, `/api/v1/customers/${newcomer.id}`)).statusCode).toBe(404);
  });
});

describe('GET /api/v1/decisions/{id}: ids matched exactly', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('does not answer another case of the id, and says which id exists in the detail and as `suggestion`', async () => {
    const customer = customerFactory({ id: 'C-001' });
    expect((await put(t, customer)).statusCode).toBe(201);
    expect((await get(t, '/api/v1/decisions/C-001')).statusCode).toBe(200);

    const miss = await get(t, '/api/v1/decisions/c-001');
    expect(miss.statusCode).toBe(404);
    expect(miss.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(miss.json<Problem>()).toMatchObject({
      code: 'customer-not-found',
      detail: "no customer 'c-001'; did you mean 'C-001'?",
      suggestion: 'C-001',
    });
  });

  it('says nothing more when no case of the id exists', async () => {
    const miss = await get(t, '/api/v1/decisions/Nobody-42');
    expect(miss.statusCode).toBe(404);
    const problem = miss.json<Problem>();
    expect(problem.code).toBe('customer-not-found');
    expect(problem).not.toHaveProperty('suggestion');
    expect(problem.detail).not.toContain('did you mean');
  });
});

describe('customer phone numbers on embedded PGlite', () => {
  let dataDir: string;
  let t: TestApp | undefined;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tierwise-phone-'));
  });
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('migrates, stores a number, finds the customer by it and refuses a second holder', async () => {
    t = await startEmbeddedTestApp(dataDir);
    const customer = { ...customerFactory({ tier: 'C' }), phone: '+33142685300' };
    expect((await put(t, customer)).statusCode).toBe(201);
    expect((await get(t, '/api/v1/decisions?phone=%2B33142685300')).json()).toMatchObject({ id: customer.id, tier: 'C' });
    const clash = await put(t, { ...customerFactory(), phone: customer.phone });
    expect(clash.statusCode).toBe(409);
    expect(clash.json<Problem>().code).toBe('phone-taken');
    // A first embedded boot migrates from nothing; on a busy machine that takes a while.
  }, 90_000);
});
