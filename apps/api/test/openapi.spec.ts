import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  'x-roles'?: string[];
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, Record<string, string>>; schemas: Record<string, unknown> };
}

describe('OpenAPI document', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  beforeAll(async () => {
    t = await startTestApp();
    const response = await t.app.inject({ method: 'GET', url: '/api/docs-json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    document = response.json<OpenApiDocument>();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('names the API and its version', () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info).toMatchObject({ title: 'Tierwise API', version: '0.1.0' });
  });

  it('lists the known routes', () => {
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/ready',
        '/api/v1/decisions/{customerId}',
        '/api/v1/decisions/evaluate',
        '/api/v1/customers',
        '/api/v1/customers/{id}',
        '/api/v1/customers/{id}/tier-history',
      ]),
    );
    expect(Object.keys(document.paths['/api/v1/customers/{id}']!)).toEqual(expect.arrayContaining(['get', 'put']));
  });

  it("describes the call centre's answer", () => {
    const ok = (
      document.paths['/api/v1/decisions/{customerId}']!['get'] as unknown as {
        responses: Record<string, { content: Record<string, { schema: unknown }> }>;
      }
    ).responses['200']!;
    expect(ok.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/StoredDecision' });
    expect(JSON.stringify(document.components.schemas['StoredDecision'])).toContain('gradedAt');
  });

  it('declares a bearer JWT scheme and an API-key header scheme', () => {
    expect(document.components.securitySchemes).toEqual({
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      'api-key': { type: 'apiKey', in: 'header', name: 'X-API-Key' },
    });
  });

  it('asks for credentials on protected routes only, naming the roles each admits', () => {
    const decision = document.paths['/api/v1/decisions/{customerId}']!['get']!;
    expect(decision.security).toEqual([{ bearer: [] }, { 'api-key': [] }]);
    expect(decision['x-roles']).toEqual(expect.arrayContaining(['admin', 'agent']));
    expect(document.paths['/api/v1/customers/{id}']!['put']!['x-roles']).toEqual(['admin']);
    expect(document.paths['/health']!['get']!.security).toEqual([]);
    expect(document.paths['/ready']!['get']!.security).toEqual([]);
  });

  it('serves Swagger UI with its assets from this server, not a CDN', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const assets = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(asset).not.toMatch(/^(https?:)?\/\//);

    const bundle = await t.app.inject({ method: 'GET', url: '/api/docs/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
    const init = await t.app.inject({ method: 'GET', url: '/api/docs/swagger-ui-init.js' });
    expect(init.statusCode).toBe(200);
    expect(init.body).toContain('/api/v1/decisions/{customerId}');
  });
});
