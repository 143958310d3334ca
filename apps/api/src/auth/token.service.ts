import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { LOGGER } from '../logging/logger.token.js';
import { signJwt, verifyJwt, type JwtResult } from './jwt.js';

/** Console sessions last a working day; signing in again is cheap. */
export const TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;
export const TOKEN_ISSUER = 'tierwise';

/** Issues and checks the console's access tokens (HS256 JWTs whose subject is the user name). */
@Injectable()
export class TokenService {
  private readonly secret: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(LOGGER) logger: Logger) {
    if (config.jwtSecret !== undefined) {
      this.secret = config.jwtSecret;
    } else {
      this.secret = randomBytes(48).toString('base64url');
      logger.warn(
        'TIERWISE_JWT_SECRET is not set: signing console tokens with a random key made at this start. ' +
          "Users must sign in again after every restart, and several instances will not accept each other's tokens; set TIERWISE_JWT_SECRET (32+ characters) to keep them.",
      );
    }
  }

  /** `sessionEpoch` is the user's users.session_epoch now: the token dies when it moves on. */
  issue(username: string, sessionEpoch: number, nowMs: number = Date.now()): Promise<string> {
    const iat = Math.floor(nowMs / 1000);
    return signJwt({ sub: username, iat, exp: iat + TOKEN_LIFETIME_SECONDS, iss: TOKEN_ISSUER, sep: sessionEpoch }, this.secret);
  }

  verify(token: string, nowMs: number = Date.now()): Promise<JwtResult> {
    return verifyJwt(token, this.secret, Math.floor(nowMs / 1000), TOKEN_ISSUER);
  }
}
