import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

// The sign-in throttle counts per user name and client address, and audit rows
// record the address: behind a reverse proxy both need the forwarded client,
// and only from a proxy the operator named (anyone can send X-Forwarded-For).
describe('client addresses behind a reverse proxy', () => {
  const PROXY = '10.1.2.3';
  const CLIENT = '198.51.100.7';
  let direct: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    direct = await startTestApp();
    proxied = await startTestApp({ trustedProxies: ['10.0.0.0/8'] });
  });
  afterAll(async () => {
    await direct?.close();
    await proxied?.close();
  });

  async function auditedAddress(t: TestApp, requestId: string): Promise<unknown> {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody-here', password: 'not the password at all' },
      headers: { 'x-forwarded-for': CLIENT, 'x-request-id': requestId },
      remoteAddress: PROXY,
    });
    expect(response.statusCode).toBe(401);
    const [row] = await t.db.sql<{ address: unknown }>(
      `SELECT summary->'clientAddress' AS address FROM audit_events WHERE request_id = $1`,
      [requestId],
    );
    return row?.address;
  }

  it('takes the client from X-Forwarded-For when the request comes from a trusted proxy', async () => {
    expect(await auditedAddress(proxied, 'proxied-1')).toBe(CLIENT);
  });

  it('ignores X-Forwarded-For unless TIERWISE_TRUSTED_PROXIES names the sender', async () => {
    expect(await auditedAddress(direct, 'direct-1')).toBe(PROXY);
  });
});
