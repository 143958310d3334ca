import { Body, Controller, Get, Header, HttpCode, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, principalOf } from '../common/actor.js';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import { API_V1 } from '../common/api-prefix.js';
import { parseChangeOwnPassword, parseLogin } from './dto/auth-inputs.js';
import { ApiProblems } from '../openapi/problem-openapi.js';
import { RETRY_AFTER_HEADER } from '../openapi/response-headers.js';
import { schemaRef } from '../openapi/schema-ref.js';
import { toMeDto, type LoginResponse, type MeDto } from './dto/auth-views.js';
import { LoginService } from './login.service.js';
import { EVERYONE } from './role.js';
import { Public, Roles } from './roles.decorator.js';
import { UsersService } from './users.service.js';

@ApiTags('access control')
@Controller(`${API_V1}/auth`)
export class AuthController {
  constructor(
    private readonly logins: LoginService,
    private readonly users: UsersService,
  ) {}

  /** `{ username, password }` -> `{ accessToken }`, a JWT to send as `Authorization: Bearer <accessToken>` (8 hours). */
  @Post('login')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Sign in with a password; answers a bearer token for the console' })
  @ApiBody({ schema: schemaRef('LoginRequest') })
  @ApiOkResponse({ description: 'Signed in', schema: schemaRef('LoginResponse') })
  @ApiProblems({
    400: 'invalid-request',
    401: 'invalid-credentials',
    429: { codes: 'too-many-sign-ins', headers: { 'Retry-After': RETRY_AFTER_HEADER } },
  })
  async login(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    try {
      return await this.logins.login(parseLogin(body), { requestId: request.id, clientAddress: request.ip });
    } catch (error) {
      setRetryAfter(error, reply);
      throw error;
    }
  }

  /**
   * `{ currentPassword, newPassword }` -> `{ accessToken }`. Ends every session
   * opened before (this one too), so the answer carries the caller's new token.
   */
  @Put('password')
  @Roles(...EVERYONE)
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Change your own password; answers a new bearer token, as every older session ends' })
  @ApiBody({ schema: schemaRef('ChangeOwnPasswordRequest') })
  @ApiOkResponse({ description: 'Changed; the new token for this console', schema: schemaRef('LoginResponse') })
  @ApiProblems({
    400: 'invalid-request (a wrong current password, or a new password that is easy to guess)',
    429: { codes: 'too-many-sign-ins', headers: { 'Retry-After': RETRY_AFTER_HEADER } },
  })
  async changeOwnPassword(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const principal = principalOf(request)!;
    if (principal.kind !== 'user') {
      throw new DomainException(ErrorCode.Forbidden, 'an API key has no password to change; an admin makes a new key instead');
    }
    const input = parseChangeOwnPassword(body);
    try {
      return await this.users.changeOwnPassword(input, {
        username: principal.username,
        actor: actorOf(request),
        requestId: request.id,
        clientAddress: request.ip,
      });
    } catch (error) {
      setRetryAfter(error, reply);
      throw error;
    }
  }

  /** Who the credentials sent belong to, and their role: the console shows the menus this role may use. */
  @Get('me')
  @Roles(...EVERYONE)
  @ApiOperation({ summary: 'Who the credentials belong to, and their role' })
  @ApiOkResponse({ description: 'The signed-in principal', schema: schemaRef('Me') })
  me(@Req() request: FastifyRequest): MeDto {
    return toMeDto(principalOf(request)!);
  }
}

// RFC 9110 Retry-After (seconds) on a 429, beside the problem's retryAfterSeconds, for clients that read only headers.
function setRetryAfter(error: unknown, reply: FastifyReply): void {
  const seconds = error instanceof DomainException ? error.extensions['retryAfterSeconds'] : undefined;
  if (typeof seconds === 'number') void reply.header('retry-after', String(seconds));
}
