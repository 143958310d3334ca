import { Controller, Get } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { actorOf } from '../common/actor.js';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import type { Authenticator } from './authenticator.js';
import type { Principal } from './principal.js';
import { RolesGuard } from './roles.guard.js';
import { Public, Roles } from './roles.decorator.js';

@Controller('demo')
@Roles('auditor')
class DemoController {
  @Get('read')
  read(this: void): void {}

  @Get('write')
  @Roles('author')
  write(this: void): void {}

  @Get('open')
  @Public()
  open(this: void): void {}
}

@Controller('bare')
class BareController {
  @Get()
  bare(this: void): void {}
}

// The guard's decisions from route metadata, with a fixed principal standing in
// for the credentials check (that one runs against PostgreSQL in test/auth-*.spec.ts).
function guardFor(principal: Principal | undefined): RolesGuard {
  const authenticator = {
    authenticate: () =>
      principal ? Promise.resolve(principal) : Promise.reject(new DomainException(ErrorCode.Unauthenticated, 'no credentials')),
  } as Pick<Authenticator, 'authenticate'> as Authenticator;
  return new RolesGuard(authenticator, pino({ level: 'silent' }));
}

// Handlers are looked up, never called, so they take no `this`.
type Handler = (this: void) => void;

function contextFor(controller: abstract new () => unknown, handler: Handler, request: object = { headers: {} }): ExecutionContextHost {
  const context = new ExecutionContextHost([request, {}, undefined], controller as never, handler);
  context.setType('http');
  return context;
}

const user = (role: Principal['role']): Principal => ({ kind: 'user', username: `u-${role}`, role });
const proto = DemoController.prototype;

describe('RolesGuard', () => {
  it('lets the listed role in, the method overriding its controller', async () => {
    await expect(guardFor(user('auditor')).canActivate(contextFor(DemoController, proto.read))).resolves.toBe(true);
    await expect(guardFor(user('author')).canActivate(contextFor(DemoController, proto.write))).resolves.toBe(true);
    await expect(guardFor(user('auditor')).canActivate(contextFor(DemoController, proto.write))).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('always lets an admin in', async () => {
    await expect(guardFor(user('admin')).canActivate(contextFor(DemoController, proto.write))).resolves.toBe(true);
  });

  it('passes a public route without asking for credentials', async () => {
    await expect(guardFor(undefined).canActivate(contextFor(DemoController, proto.open))).resolves.toBe(true);
  });

  it('refuses a route that declares nothing, even to an admin', async () => {
    await expect(guardFor(user('admin')).canActivate(contextFor(BareController, BareController.prototype.bare))).rejects.toMatchObject({
      code: 'forbidden',
      detail: expect.stringContaining('declares no roles'),
    });
  });

  it('refuses contexts other than HTTP, which it cannot check', async () => {
    const context = contextFor(DemoController, proto.open);
    context.setType('rpc');
    await expect(guardFor(user('admin')).canActivate(context)).resolves.toBe(false);
  });

  it('records the principal on the request, for actorOf', async () => {
    const request = { headers: {} };
    await guardFor(user('auditor')).canActivate(contextFor(DemoController, proto.read, request));
    expect(actorOf(request as never)).toBe('user:u-auditor');
  });
});
