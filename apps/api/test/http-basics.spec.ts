import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('HTTP basics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers liveness without touching the database', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('is ready once the database answers and every migration has run', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready' });
  });

  it('reports not ready, as problem+json, when a migration is missing', async () => {
    await t.db.sql(`DELETE FROM migrations WHERE name = 'InitialSchema1795607065743'`);
    try {
      const response = await t.app.inject({ method: 'GET', url: '/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ code: 'not-ready', status: 503, detail: '1 migration(s) not applied' });
    } finally {
      await t.db.sql(`INSERT INTO migrations (timestamp, name) VALUES (1795607065743, 'InitialSchema1795607065743')`);
    }
  });

  it('gives every response a request id, reusing a plain one the caller sent', async () => {
    const generated = await t.app.inject({ method: 'GET', url: '/health' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const reused = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'call-42' } });
    expect(reused.headers['x-request-id']).toBe('call-42');
    const refused = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'bad id\nwith newline' } });
    expect(refused.headers['x-request-id']).not.toContain('bad');
  });

  it("turns Nest's own 404 into problem+json", async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: { 'x-request-id': 'r-404' } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toEqual({
      type: 'urn:tierwise:problem:route-not-found',
      title: 'No such route',
      status: 404,
      detail: 'Cannot GET /api/v1/nothing-here',
      instance: '/api/v1/nothing-here',
      code: 'route-not-found',
      requestId: 'r-404',
    });
  });

  it('turns malformed JSON into a 400 problem', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/customers/C-1',
      headers: { ...(await authHeaders(t, 'admin')), 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 400, code: 'malformed-json', instance: '/api/v1/customers/C-1' });
  });

  it('allows no other origin by default (TIERWISE_CORS_ORIGINS unset); test/http-hardening.spec.ts covers configured ones', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/customers',
      headers: { ...(await authHeaders(t, 'auditor')), origin: 'http://localhost:5173' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
