import { readFileSync } from 'node:fs';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PUBLIC_KEY, ROLES_KEY } from '../auth/roles.decorator.js';
import { namedSchemas } from './named-schemas.js';
import { problemResponse } from './problem-openapi.js';

export const OPENAPI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/docs-json';

/** The security scheme names the document declares; operations refer to them. */
export const SECURITY_SCHEMES = { bearer: 'bearer', apiKey: 'api-key' } as const;
export const API_KEY_HEADER = 'X-API-Key';

/**
 * The OpenAPI document at /api/docs-json (YAML at /api/docs-yaml) and Swagger UI
 * at /api/docs, its assets served from the installed swagger-ui-dist through
 * @fastify/static: nothing is loaded from a CDN.
 *
 * These are plain Fastify routes registered beside Nest's router, so Nest
 * guards never run on them: the document is public by construction.
 */
export function setupOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Tierwise API')
    .setDescription(
      'Customer tiering and per-tier service policy. Call centres read stored decisions ' +
        '(GET /api/v1/decisions/{customerId}); people sign in for a bearer JWT, systems send an API key.',
    )
    .setVersion(apiVersion())
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, SECURITY_SCHEMES.bearer)
    .addApiKey({ type: 'apiKey', in: 'header', name: API_KEY_HEADER }, SECURITY_SCHEMES.apiKey)
    // Relative: the document is served by the API it describes, whatever host or proxy is in front.
    .addServer('/', 'This server')
    .build();
  const document = buildOpenApiDocument(app, config);
  SwaggerModule.setup(OPENAPI_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    customSiteTitle: 'Tierwise API',
  });
}

/** The document, without serving it: `npm run openapi:lint` writes it to a file. */
export function buildOpenApiDocument(app: NestFastifyApplication, config: Omit<OpenAPIObject, 'paths'>): OpenAPIObject {
  const document = SwaggerModule.createDocument(app, config);
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...namedSchemas() } };
  applyAccessRules(document, routeAccess(app));
  return document;
}

type Access = { public: true } | { public: false; roles: string[] };

// Keyed like @nestjs/swagger's default operationId: `${ControllerClass}_${method}`.
function routeAccess(app: NestFastifyApplication): Map<string, Access> {
  const access = new Map<string, Access>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (abstract new (...args: never[]) => unknown) | null;
      if (!controller || typeof controller !== 'function') continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[method];
        if (method === 'constructor' || typeof handler !== 'function') continue;
        const isPublic = (Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, controller)) as boolean | undefined;
        const roles = (Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, controller)) as string[] | undefined;
        access.set(`${controller.name}_${method}`, isPublic === true ? { public: true } : { public: false, roles: roles ?? [] });
      }
    }
  }
  return access;
}

// Public operations need no credentials; every other takes either scheme, says which roles it
// admits and answers 401 and 403 problems. Any operation may answer a 500 problem.
function applyAccessRules(document: OpenAPIObject, access: Map<string, Access>): void {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = pathItem[method];
      if (!operation?.operationId) continue;
      operation.responses['500'] ??= problemResponse('internal');
      const rule = access.get(operation.operationId);
      if (!rule) continue;
      if (rule.public) {
        operation.security = [];
        continue;
      }
      operation.responses['401'] ??= problemResponse('unauthenticated (no, unknown, expired or revoked credentials)');
      operation.responses['403'] ??= problemResponse('forbidden (the role may not do this)');
      operation.security = [{ [SECURITY_SCHEMES.bearer]: [] }, { [SECURITY_SCHEMES.apiKey]: [] }];
      const roles = rule.roles.includes('admin') ? rule.roles : ['admin', ...rule.roles];
      Object.assign(operation, { 'x-roles': roles });
      operation.description = [operation.description, `Roles: ${roles.join(', ')}.`].filter(Boolean).join('\n\n');
    }
  }
}

function apiVersion(): string {
  // ../../package.json from both src/openapi (vitest) and dist/openapi (node).
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
