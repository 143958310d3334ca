import { Body, Controller, Get, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../common/actor.js';
import { API_V1 } from '../common/api-prefix.js';
import { contentRange } from '../common/http-headers.js';
import { parseCreateUser, parseUpdateUser } from './dto/auth-inputs.js';
import { CREATE_USER_BODY, UPDATE_USER_BODY, USER } from './dto/auth-openapi.js';
import type { UserDto } from './dto/auth-views.js';
import { parseAuthListQuery } from './list-query.js';
import { Roles } from './roles.decorator.js';
import { USER_SORT_FIELDS } from './users.repository.js';
import { UsersService } from './users.service.js';

/** Console users. Admins manage them; auditors may read who has which role. */
@ApiTags('access control')
@Controller(`${API_V1}/users`)
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('auditor')
  @ApiOkResponse({
    schema: { type: 'array', items: USER },
    description: 'ra-data-simple-rest: sort, range, filter ({"q", "role"}); Content-Range: users 0-24/31',
  })
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply): Promise<UserDto[]> {
    const parsed = parseAuthListQuery(query, 'users', USER_SORT_FIELDS, { field: 'username', order: 'ASC' });
    const page = await this.users.list(parsed);
    void reply.header('content-range', contentRange('users', parsed.range.start, page.items.length, page.total));
    return page.items;
  }

  @Get(':username')
  @Roles('auditor')
  @ApiOkResponse({ schema: USER })
  get(@Param('username') username: string): Promise<UserDto> {
    return this.users.get(username);
  }

  /** `{ username, password, role }`; 201 with the user (never its password). */
  @Post()
  @ApiBody({ schema: CREATE_USER_BODY })
  @ApiCreatedResponse({ schema: USER })
  async create(@Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<UserDto> {
    const user = await this.users.create(parseCreateUser(body), { actor: actorOf(request), requestId: request.id });
    void reply.header('location', `/${API_V1}/users/${encodeURIComponent(user.username)}`);
    return user;
  }

  /** Any of `{ role, disabled, password }`. Disabling a user or changing their password ends their open sessions. */
  @Patch(':username')
  @ApiBody({ schema: UPDATE_USER_BODY })
  @ApiOkResponse({ schema: USER })
  update(@Param('username') username: string, @Body() body: unknown, @Req() request: FastifyRequest): Promise<UserDto> {
    return this.users.update(username, parseUpdateUser(body), { actor: actorOf(request), requestId: request.id });
  }
}
