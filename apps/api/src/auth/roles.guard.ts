import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { actorOf, setPrincipal } from '../common/actor.js';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import { LOGGER } from '../logging/logger.token.js';
import { forbidden } from './auth.errors.js';
import { Authenticator } from './authenticator.js';
import { accessOf } from './route-access.js';

/**
 * The global guard (APP_GUARD): every route runs through it. @Public routes
 * pass untouched; all others need credentials (401) and a role the route lists
 * with @Roles, admin always being allowed (403). A route that declares neither
 * is refused: access is never granted by omission.
 */
const WWW_AUTHENTICATE = 'Bearer realm="tierwise", ApiKey realm="tierwise" header="X-API-Key"';

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    private readonly authenticator: Authenticator,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Only HTTP controllers exist; anything else (RPC, websockets) would be unguarded, so it is refused until it is thought through.
    if (context.getType() !== 'http') return false;
    const controller = context.getClass();
    const handler = context.getHandler();
    const access = accessOf(handler, controller);
    if (access.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (access.kind === 'undeclared') {
      this.logger.error({ handler: `${controller.name}.${handler.name}` }, 'route declares neither @Roles nor @Public; refusing it');
      throw new DomainException(ErrorCode.Forbidden, 'this route declares no roles, so nobody may call it; please report this');
    }
    let principal;
    try {
      principal = await this.authenticator.authenticate(request.headers);
    } catch (error) {
      // RFC 9110: a 401 names the schemes that would be accepted.
      void context.switchToHttp().getResponse<FastifyReply>().header('www-authenticate', WWW_AUTHENTICATE);
      throw error;
    }
    setPrincipal(request, principal);
    if (principal.role === 'admin' || access.roles.includes(principal.role)) return true;
    throw forbidden(actorOf(request), principal.role, access.roles);
  }
}
