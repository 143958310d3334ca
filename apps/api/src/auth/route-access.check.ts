import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { Logger } from 'pino';
import { LOGGER } from '../logging/logger.token.js';
import { declaredRoutes } from './route-access.js';

/**
 * Names, at boot, any route that declares neither @Roles nor @Public. The guard
 * refuses such routes anyway and test/auth-routes.spec.ts fails on them; this
 * tells whoever runs the server why their new route answers 403.
 */
@Injectable()
export class RouteAccessCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const undeclared = declaredRoutes(this.discovery, this.scanner).filter((route) => route.access.kind === 'undeclared');
    for (const route of undeclared) {
      this.logger.error({ route: route.route, handler: route.handler }, 'route declares neither @Roles nor @Public: nobody may call it');
    }
  }
}
