import { Body, Controller, Get, Header, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../common/actor.js';
import { API_V1 } from '../common/api-prefix.js';
import { parseLogin } from './dto/auth-inputs.js';
import { LOGIN_BODY, LOGIN_RESPONSE, ME_RESPONSE } from './dto/auth-openapi.js';
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
  @ApiBody({ schema: LOGIN_BODY })
  @ApiOkResponse({ schema: LOGIN_RESPONSE })
  login(@Body() body: unknown, @Req() request: FastifyRequest): Promise<LoginResponse> {
    return this.logins.login(parseLogin(body), request.id);
  }

  /** Who the credentials sent belong to, and their role: the console shows the menus this role may use. */
  @Get('me')
  @Roles(...EVERYONE)
  @ApiOperation({ summary: 'Who the credentials belong to, and their role' })
  @ApiOkResponse({ schema: ME_RESPONSE })
  me(@Req() request: FastifyRequest): MeDto {
    return toMeDto(principalOf(request)!);
  }
}
