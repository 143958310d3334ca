import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../common/actor.js';
import { API_V1 } from '../common/api-prefix.js';
import { DomainException } from '../common/domain.exception.js';
import { contentRange } from '../common/http-headers.js';
import { parseCreateUser, parseUpdateUser } from './dto/auth-inputs.js';
import type { UserDto } from './dto/auth-views.js';
import { ApiRaList } from '../openapi/list-openapi.js';
import { ApiProblems } from '../openapi/problem-openapi.js';
import { LOCATION_HEADER } from '../openapi/response-headers.js';
import { schemaRef } from '../openapi/schema-ref.js';
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
  @ApiOperation({ summary: 'Console users, paged, sorted and filtered' })
  @ApiRaList({
    item: 'User',
    resource: 'users',
    sortFields: USER_SORT_FIELDS,
    defaultSort: '["username","ASC"]',
    filterExample: { q: 'ali', role: 'admin' },
    filterDescription: 'q: text in the user name; role: one role or a list; id: user names (getMany).',
  })
  @ApiProblems({ 400: 'invalid-request (a sort, range or filter that does not fit)' })
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply): Promise<UserDto[]> {
    const parsed = parseAuthListQuery(query, 'users', USER_SORT_FIELDS, { field: 'username', order: 'ASC' });
    const page = await this.users.list(parsed);
    void reply.header('content-range', contentRange('users', parsed.range.start, page.items.length, page.total));
    return page.items;
  }

  @Get(':username')
  @Roles('auditor')
  @ApiOperation({ summary: 'One console user' })
  @ApiOkResponse({ description: 'The user', schema: schemaRef('User') })
  @ApiProblems({ 404: 'user-not-found' })
  get(@Param('username') username: string): Promise<UserDto> {
    return this.users.get(username);
  }

  /** `{ username, password, role }`; 201 with the user (never its password). */
  @Post()
  @ApiOperation({ summary: 'Create a console user with a role' })
  @ApiBody({ schema: schemaRef('CreateUserRequest') })
  @ApiCreatedResponse({ description: 'Created', schema: schemaRef('User'), headers: { Location: LOCATION_HEADER } })
  @ApiProblems({ 400: 'invalid-request', 409: 'user-exists' })
  async create(@Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<UserDto> {
    const user = await this.users.create(parseCreateUser(body), { actor: actorOf(request), requestId: request.id });
    void reply.header('location', `/${API_V1}/users/${encodeURIComponent(user.username)}`);
    return user;
  }

  /** Any of `{ role, disabled, password }`. Disabling a user or changing their password ends their open sessions. */
  @Patch(':username')
  @ApiOperation({ summary: "Change a user's role, password or whether they may sign in" })
  @ApiBody({ schema: schemaRef('UpdateUserRequest') })
  @ApiOkResponse({ description: 'The user as changed', schema: schemaRef('User') })
  @ApiProblems({ 400: 'invalid-request', 404: 'user-not-found' })
  update(@Param('username') username: string, @Body() body: unknown, @Req() request: FastifyRequest): Promise<UserDto> {
    return this.users.update(username, parseUpdateUser(body), { actor: actorOf(request), requestId: request.id });
  }

  /** The same change as PATCH, as react-admin's data provider sends it: the whole record, its read-only fields ignored. */
  @Put(':username')
  @ApiOperation({ summary: 'Change a user as PATCH does; the whole record may be sent back, its read-only fields are ignored' })
  @ApiBody({ schema: schemaRef('UpdateUserRequest') })
  @ApiOkResponse({ description: 'The user as changed', schema: schemaRef('User') })
  @ApiProblems({ 400: 'invalid-request (also an id that is not the user name in the URL)', 404: 'user-not-found' })
  replace(@Param('username') username: string, @Body() body: unknown, @Req() request: FastifyRequest): Promise<UserDto> {
    const input = parseUpdateUser(body);
    const id = (body as Record<string, unknown>)['id'];
    // A record sent back to the wrong address would change another user than the one the form showed.
    if (id !== undefined && (typeof id !== 'string' || id.toLowerCase() !== username.toLowerCase())) {
      throw DomainException.invalidRequest([
        { path: '/id', message: `the body's id differs from the URL's user name '${username.slice(0, 64)}'` },
      ]);
    }
    return this.users.update(username, input, { actor: actorOf(request), requestId: request.id });
  }

  /** Lifts the sign-in locks on a name (a new password does too), e.g. for a colleague locked out by someone else's guesses. */
  @Post(':username/unlock')
  @HttpCode(200)
  @ApiOperation({ summary: "Lift the sign-in locks on a user's name, from every address" })
  @ApiOkResponse({ description: 'Unlocked; the user', schema: schemaRef('User') })
  @ApiProblems({ 404: 'user-not-found' })
  unlock(@Param('username') username: string, @Req() request: FastifyRequest): Promise<UserDto> {
    return this.users.unlock(username, { actor: actorOf(request), requestId: request.id });
  }
}
