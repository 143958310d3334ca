import { Body, Controller, Delete, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../common/actor.js';
import { API_V1 } from '../common/api-prefix.js';
import { contentRange } from '../common/http-headers.js';
import { API_KEY_SORT_FIELDS } from './api-keys.repository.js';
import { ApiKeysService } from './api-keys.service.js';
import { parseCreateApiKey } from './dto/auth-inputs.js';
import type { ApiKeyDto, CreatedApiKeyDto } from './dto/auth-views.js';
import { ApiRaList } from '../openapi/list-openapi.js';
import { ApiProblems } from '../openapi/problem-openapi.js';
import { LOCATION_HEADER } from '../openapi/response-headers.js';
import { schemaRef } from '../openapi/schema-ref.js';
import { parseAuthListQuery } from './list-query.js';
import { Roles } from './roles.decorator.js';

/**
 * API keys for call-centre systems, sent as `X-API-Key: <key>`. Admins make
 * and revoke them; auditors may list them. No answer but creation's holds the key.
 */
@ApiTags('access control')
@Controller(`${API_V1}/api-keys`)
@Roles('admin')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @Roles('auditor')
  @ApiOperation({ summary: 'API keys (never the keys themselves), paged, sorted and filtered' })
  @ApiRaList({
    item: 'ApiKey',
    resource: 'api-keys',
    sortFields: API_KEY_SORT_FIELDS,
    defaultSort: '["createdAt","DESC"]',
    filterExample: { q: 'ivr', role: 'agent' },
    filterDescription: 'q: text in the name; role: one role or a list; id: key ids (getMany).',
  })
  @ApiProblems({ 400: 'invalid-request (a sort, range or filter that does not fit)' })
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply): Promise<ApiKeyDto[]> {
    const parsed = parseAuthListQuery(query, 'API keys', API_KEY_SORT_FIELDS, { field: 'createdAt', order: 'DESC' });
    const page = await this.keys.list(parsed);
    void reply.header('content-range', contentRange('api-keys', parsed.range.start, page.items.length, page.total));
    return page.items;
  }

  @Get(':id')
  @Roles('auditor')
  @ApiOperation({ summary: 'One API key (never the key itself)' })
  @ApiOkResponse({ description: 'The API key', schema: schemaRef('ApiKey') })
  @ApiProblems({ 404: 'api-key-not-found' })
  get(@Param('id') id: string): Promise<ApiKeyDto> {
    return this.keys.get(id);
  }

  /** `{ name, role }`; 201 with the key in `key`, shown this once: store it in the calling system now. */
  @Post()
  @ApiOperation({ summary: 'Make an API key for a calling system; the answer holds the key, shown this once' })
  @ApiBody({ schema: schemaRef('CreateApiKeyRequest') })
  @ApiCreatedResponse({ description: 'Created, with the key', schema: schemaRef('CreatedApiKey'), headers: { Location: LOCATION_HEADER } })
  @ApiProblems({ 400: 'invalid-request (also a name a live key has)' })
  async create(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CreatedApiKeyDto> {
    const created = await this.keys.create(parseCreateApiKey(body), { actor: actorOf(request), requestId: request.id });
    // The key is a secret: no cache, no proxy, no browser history may keep this answer.
    void reply.header('cache-control', 'no-store').header('location', `/${API_V1}/api-keys/${created.id}`);
    return created;
  }

  /** Revokes the key (the record stays, for the audit trail) and answers it. */
  @Delete(':id')
  @ApiOperation({ summary: 'Revoke an API key; the record stays for the audit trail' })
  @ApiOkResponse({ description: 'The revoked key', schema: schemaRef('ApiKey') })
  @ApiProblems({ 404: 'api-key-not-found' })
  revoke(@Param('id') id: string, @Req() request: FastifyRequest): Promise<ApiKeyDto> {
    return this.keys.revoke(id, { actor: actorOf(request), requestId: request.id });
  }
}
