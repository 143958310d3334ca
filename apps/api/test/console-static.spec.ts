import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_CONTENT_TYPE } from '../src/common/problem.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// The built console at `/`, beside the API (issue 7, point 1), from a folder shaped like Vite's output.
const INDEX_HTML =
  '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/index-AbC123.js"></script></body></html>';
const ASSET = 'console.log("the console");';
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the console served beside the API', () => {
  let folder: string;
  let t: TestApp;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'tierwise-console-'));
    await mkdir(join(folder, 'assets'));
    await writeFile(join(folder, 'index.html'), INDEX_HTML);
    await writeFile(join(folder, 'assets', 'index-AbC123.js'), ASSET);
    await writeFile(join(folder, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await startTestApp({}, undefined, { consoleFolder: folder });
  });
  afterAll(async () => {
    await t?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('serves index.html at / with no-cache and a same-origin content security policy', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toBe(INDEX_HTML);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    // No other origin anywhere in the policy.
    expect(csp).not.toMatch(/https?:|\*/);
  });

  it('answers a deep link a browser opens with index.html, so the console routes it', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/customers/C-1/show', headers: { accept: BROWSER_ACCEPT } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(INDEX_HTML);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed assets as immutable for a year, and other files of the folder', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/index-AbC123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe(ASSET);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-security-policy']).toBeDefined();
    const favicon = await t.app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(favicon.statusCode).toBe(200);
    expect(favicon.headers['content-type']).toMatch(/^image\/svg\+xml/);
  });

  it('keeps problem+json 404s for the API, the probes, missing assets and non-HTML requests', async () => {
    for (const url of ['/api/v1/unknown', '/api/v1/customers/C-1/nothing', '/health/deep', '/assets/gone-123.js', '/customers.json']) {
      const response = await t.app.inject({ method: 'GET', url, headers: { accept: url.startsWith('/assets/') ? '*/*' : BROWSER_ACCEPT } });
      if (url === '/customers.json') {
        // Asked for HTML, so this one is a console address; the same path asked for as JSON is not.
        expect(response.statusCode).toBe(200);
        const json = await t.app.inject({ method: 'GET', url, headers: { accept: 'application/json' } });
        expect(json.statusCode).toBe(404);
        expect(json.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
        continue;
      }
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toContain(PROBLEM_CONTENT_TYPE);
      expect(response.headers['content-security-policy'], url).toBeUndefined();
    }
  });

  it('answers an API path parameter past any id length with the 414 problem, as without the console', async () => {
    // The router falls back to the console's wildcard route when a parameter is too long for its own route.
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/customers/${'x'.repeat(300)}`,
      headers: { accept: BROWSER_ACCEPT },
    });
    expect(response.statusCode).toBe(414);
    expect(response.json()).toMatchObject({ code: 'uri-too-long' });
  });

  it('leaves the API, the probes and the OpenAPI document as they were', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    const unauthenticated = await t.app.inject({ method: 'GET', url: '/api/v1/customers', headers: { accept: BROWSER_ACCEPT } });
    expect(unauthenticated.statusCode).toBe(401);
    expect(unauthenticated.headers['content-security-policy']).toBeUndefined();
    const document = (await t.app.inject({ method: 'GET', url: '/api/docs-json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(document.paths).filter((path) => !path.startsWith('/api/') && path !== '/health' && path !== '/ready')).toEqual([]);
  });
});

describe('no console built', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({}, undefined, { consoleFolder: null });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves the API alone: / and deep links are problem+json 404s', async () => {
    for (const url of ['/', '/customers/C-1/show', '/assets/index-AbC123.js']) {
      const response = await t.app.inject({ method: 'GET', url, headers: { accept: BROWSER_ACCEPT } });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toContain(PROBLEM_CONTENT_TYPE);
    }
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});
