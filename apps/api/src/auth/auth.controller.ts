import { Body, Controller, Get, Header, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../common/actor.js';
import { API_V1 } from '../common/api-prefix.js';
import { parseLogin } from './dto/auth-inputs.js';
import { ApiProblems } from '../openapi/problem-openapi.js';
import { RETRY_AFTER_HEADER } from '../openapi/response-headers.js';
import { schemaRef } from '../openapi/schema-ref.js';
import { toMeDto, type LoginResponse, type MeDto } from './dto/auth-views.js';
import { LoginService } from './login.service.js';
import { EVERYONE } from './role.js';
import { Public, Roles } from './roles.decorator.js';

@ApiTags('access control')
@Controller(`${API_V1}/auth`)
export class AuthController {
  constructor(private readonly logins: LoginService) {}

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
  login(@Body() body: unknown, @Req() request: FastifyRequest): Promise<LoginResponse> {
    return this.logins.login(parseLogin(body), request.id);
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
