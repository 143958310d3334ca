import { Controller, Get, Module } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/auth/role.js';
import { Roles } from '../src/auth/roles.decorator.js';
import { declaredRoutes, type RouteDeclaration } from '../src/auth/route-access.js';
import { authHeaders } from './support/auth.js';
import { customerFactory } from './support/customer.factory.js';
import { putCustomer } from './support/http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('every route declares who may call it', () => {
  let t: TestApp;
  let routes: RouteDeclaration[];
  beforeAll(async () => {
    t = await startTestApp();
    routes = declaredRoutes(t.app.get(DiscoveryService), t.app.get(MetadataScanner));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds the routes the application serves (the walk itself works)', () => {
    const names = routes.map((route) => route.route);
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /health',
        'POST /api/v1/auth/login',
        'GET /api/v1/customers',
        'PUT /api/v1/customers/:id',
        'GET /api/v1/decisions/:customerId',
        'GET /api/v1/customers/:id/tier-history',
        'DELETE /api/v1/api-keys/:id',
      ]),
    );
  });

  it('has no route with neither @Roles nor @Public', () => {
    const undeclared = routes.filter((route) => route.access.kind === 'undeclared').map((route) => `${route.route} (${route.handler})`);
    expect(undeclared, 'add @Roles(...) or @Public() to these routes').toEqual([]);
  });

  it('guards every non-public route: without credentials each answers 401, never 404 or 2xx', async () => {
    const protectedRoutes = routes.filter((route) => route.access.kind === 'roles');
    expect(protectedRoutes.length).toBeGreaterThan(5);
    const answers: string[] = [];
    for (const route of protectedRoutes) {
      const [method, path] = route.route.split(' ') as [string, string];
      const url = path.replace(/:[A-Za-z]+/g, 'x-1');
      const response = await t.app.inject({ method: method as 'GET', url });
      if (response.statusCode !== 401) answers.push(`${route.route} (${route.handler}) answered ${response.statusCode}`);
    }
    expect(answers).toEqual([]);
  });

  it('lets public routes through without credentials', async () => {
    const publicRoutes = routes.filter((route) => route.access.kind === 'public');
    expect(publicRoutes.map((route) => route.route)).toEqual(expect.arrayContaining(['GET /health', 'POST /api/v1/auth/login']));
    for (const route of publicRoutes) {
      const [method, path] = route.route.split(' ') as [string, string];
      const response = await t.app.inject({ method: method as 'GET', url: path.replace(/:[A-Za-z]+/g, 'x-1') });
      expect(response.statusCode, route.route).not.toBe(401);
    }
  });

  it('documents the sign-in and key routes in the OpenAPI document', async () => {
    type Schema = { required?: string[]; $ref?: string };
    const document = (await t.app.inject({ method: 'GET', url: '/api/docs-json' })).json<{
      paths: Record<string, Record<string, { security?: unknown[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
      components: { schemas: Record<string, Schema> };
    }>();
    // Bodies are named schemas under components; follow the $ref.
    const bodyOf = (operation: { requestBody?: { content: Record<string, { schema: Schema }> } }): Schema => {
      const schema = operation.requestBody!.content['application/json']!.schema;
      return schema.$ref === undefined ? schema : document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]!;
    };
    const login = document.paths['/api/v1/auth/login']!['post']!;
    expect(login.security).toEqual([]);
    expect(bodyOf(login).required).toEqual(['username', 'password']);
    const createKey = document.paths['/api/v1/api-keys']!['post']!;
    expect(createKey.security).toEqual([{ bearer: [] }, { 'api-key': [] }]);
    expect(bodyOf(createKey).required).toEqual(['name', 'role']);
    const changeOwnPassword = document.paths['/api/v1/auth/password']!['put']!;
    expect(changeOwnPassword.security).toEqual([{ bearer: [] }, { 'api-key': [] }]);
    expect(bodyOf(changeOwnPassword).required).toEqual(['currentPassword', 'newPassword']);
  });

  it('names a route that declares nothing, so the check above can fail', async () => {
    @Controller('naked')
    class NakedController {
      @Get()
      open(): string {
        return 'anyone?';
      }

      @Get('guarded')
      @Roles('auditor')
      guarded(): string {
        return 'auditors';
      }
    }
    @Module({ imports: [DiscoveryModule], controllers: [NakedController] })
    class NakedModule {}
    const moduleRef = await Test.createTestingModule({ imports: [NakedModule] }).compile();
    const found = declaredRoutes(moduleRef.get(DiscoveryService), moduleRef.get(MetadataScanner));
    expect(found).toEqual([
      { route: 'GET /naked', handler: 'NakedController.open', access: { kind: 'undeclared' } },
      { route: 'GET /naked/guarded', handler: 'NakedController.guarded', access: { kind: 'roles', roles: ['auditor'] } },
    ]);
    await moduleRef.close();
  });
});

describe('each role against representative routes', () => {
  let t: TestApp;
  const customer = customerFactory({ tier: 'B' });
  beforeAll(async () => {
    t = await startTestApp();
    expect((await putCustomer(t.app, customer, await authHeaders(t, 'admin'))).statusCode).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  const id = () => encodeURIComponent(customer.id);
  const cases: {
    name: string;
    method: 'GET' | 'PUT' | 'POST' | 'PATCH';
    url: () => string;
    payload?: () => object;
    allowed: readonly Role[];
  }[] = [
    {
      name: 'read a stored decision',
      method: 'GET',
      url: () => `/api/v1/decisions/${id()}`,
      allowed: ['admin', 'author', 'publisher', 'auditor', 'agent'],
    },
    {
      name: 'evaluate facts',
      method: 'POST',
      url: () => '/api/v1/decisions/evaluate',
      payload: () => ({ facts: customer.facts }),
      allowed: ['admin', 'author', 'publisher', 'auditor', 'agent'],
    },
    { name: 'list customers', method: 'GET', url: () => '/api/v1/customers', allowed: ['admin', 'author', 'publisher', 'auditor'] },
    {
      name: 'read a customer',
      method: 'GET',
      url: () => `/api/v1/customers/${id()}`,
      allowed: ['admin', 'author', 'publisher', 'auditor'],
    },
    {
      name: "read a customer's tier history",
      method: 'GET',
      url: () => `/api/v1/customers/${id()}/tier-history`,
      allowed: ['admin', 'author', 'publisher', 'auditor'],
    },
    {
      name: 'change a customer',
      method: 'PUT',
      url: () => `/api/v1/customers/${id()}`,
      payload: () => ({ name: customer.name, facts: customer.facts }),
      allowed: ['admin'],
    },
    { name: 'list users', method: 'GET', url: () => '/api/v1/users', allowed: ['admin', 'auditor'] },
    {
      name: 'create a user',
      method: 'POST',
      url: () => '/api/v1/users',
      payload: () => ({ username: `made-${Math.random().toString(36).slice(2, 8)}`, password: 'long enough password', role: 'agent' }),
      allowed: ['admin'],
    },
    { name: 'list API keys', method: 'GET', url: () => '/api/v1/api-keys', allowed: ['admin', 'auditor'] },
    {
      name: 'create an API key',
      method: 'POST',
      url: () => '/api/v1/api-keys',
      payload: () => ({ name: `k-${Math.random()}`, role: 'agent' }),
      allowed: ['admin'],
    },
    { name: 'see who I am', method: 'GET', url: () => '/api/v1/auth/me', allowed: ['admin', 'author', 'publisher', 'auditor', 'agent'] },
  ];
  const roles: readonly Role[] = ['admin', 'author', 'publisher', 'auditor', 'agent'];

  for (const testCase of cases) {
    for (const role of roles) {
      const allowed = testCase.allowed.includes(role);
      it(`${role} ${allowed ? 'may' : 'may not'} ${testCase.name}`, async () => {
        const response = await t.app.inject({
          method: testCase.method,
          url: testCase.url(),
          headers: await authHeaders(t, role),
          ...(testCase.payload ? { payload: testCase.payload() } : {}),
        });
        if (allowed) {
          expect(response.statusCode, response.body).toBeLessThan(300);
        } else {
          expect(response.statusCode, response.body).toBe(403);
          expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
          const needed = testCase.allowed.filter((r) => r !== 'admin');
          const expected =
            needed.length === 0
              ? "this needs the 'admin' role"
              : `this needs one of the roles ${[...needed, 'admin'].map((r) => `'${r}'`).join(', ')}`;
          expect(response.json()).toMatchObject({
            code: 'forbidden',
            status: 403,
            detail: `${expected}; user:test-${role} has the role '${role}'`,
          });
        }
      });
    }
  }

  it('records the signed-in user, not "anonymous", as the actor of a change', async () => {
    const changed = customerFactory({ tier: 'A' });
    expect((await putCustomer(t.app, changed, await authHeaders(t, 'admin'))).statusCode).toBe(201);
    const history = await t.db.sql<{ actor: string }>(`SELECT actor FROM tier_history WHERE customer_id = $1`, [changed.id]);
    expect(history).toEqual([{ actor: 'user:test-admin' }]);
  });
});
