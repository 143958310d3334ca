import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import type { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { Role } from './role.js';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator.js';

export type RouteAccess = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] } | { kind: 'undeclared' };

/**
 * Who may call a handler: the nearest declaration wins, the method's over its
 * controller's, so a @Public() login inside a roles-guarded controller works.
 */
export function accessOf(handler: object, controller: object): RouteAccess {
  for (const target of [handler, controller]) {
    if (Reflect.getMetadata(PUBLIC_KEY, target) === true) return { kind: 'public' };
    const roles = Reflect.getMetadata(ROLES_KEY, target) as Role[] | undefined;
    if (roles !== undefined) return { kind: 'roles', roles };
  }
  return { kind: 'undeclared' };
}

export interface RouteDeclaration {
  /** e.g. `GET /api/v1/customers/:id` */
  route: string;
  /** e.g. `CustomersController.get` */
  handler: string;
  access: RouteAccess;
}

/**
 * Every HTTP route the application's controllers declare, with who may call it.
 * Read from the same metadata Nest's router maps routes from, so a controller
 * added later is covered without anyone listing it.
 */
export function declaredRoutes(discovery: DiscoveryService, scanner: MetadataScanner): RouteDeclaration[] {
  const routes: RouteDeclaration[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
    if (!controller || typeof controller !== 'function') continue;
    const prefixes = paths(Reflect.getMetadata(PATH_METADATA, controller));
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      if (typeof handler !== 'function') continue;
      const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (methodPaths === undefined) continue; // not a route handler
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod] ?? 'GET';
      const access = accessOf(handler, controller);
      for (const prefix of prefixes) {
        for (const path of paths(methodPaths)) {
          routes.push({ route: `${method} ${join(prefix, path)}`, handler: `${controller.name}.${name}`, access });
        }
      }
    }
  }
  return routes;
}

function paths(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return [typeof value === 'string' ? value : '/'];
}

function join(prefix: string, path: string): string {
  const joined = `/${[prefix, path]
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter((part) => part !== '')
    .join('/')}`;
  return joined;
}
