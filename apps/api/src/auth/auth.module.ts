import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DatabaseModule } from '../database/database.module.js';
import { LOGGER } from '../logging/logger.token.js';
import { ApiKeysController } from './api-keys.controller.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import { ApiKeysService } from './api-keys.service.js';
import { AuthController } from './auth.controller.js';
import { Authenticator } from './authenticator.js';
import { FirstAdminService, printToStdout, SECRET_PRINTER } from './first-admin.service.js';
import { LoginService } from './login.service.js';
import { PasswordHasher } from './password-hasher.js';
import { RouteAccessCheck } from './route-access.check.js';
import { RolesGuard } from './roles.guard.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { TokenService } from './token.service.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

/**
 * Access control (issue 3): console users with passwords and JWTs, API keys for
 * call-centre systems, and the global roles guard every route passes through.
 */
@Module({
  imports: [DatabaseModule, DiscoveryModule],
  controllers: [AuthController, UsersController, ApiKeysController],
  providers: [
    UsersRepository,
    ApiKeysRepository,
    PasswordHasher,
    TokenService,
    Authenticator,
    LoginService,
    {
      // Shared through Redis when REDIS_URL is set (several api processes, one count), in memory otherwise.
      provide: SignInThrottle,
      useFactory: (config: AppConfig, logger: Logger) => new SignInThrottle({ redisUrl: config.redisUrl, logger }),
      inject: [APP_CONFIG, LOGGER],
    },
    UsersService,
    ApiKeysService,
    FirstAdminService,
    RouteAccessCheck,
    { provide: SECRET_PRINTER, useValue: printToStdout },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [UsersService, Authenticator],
})
export class AuthModule {}
