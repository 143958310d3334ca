import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { READERS } from '../auth/role.js';
import { Roles } from '../auth/roles.decorator.js';
import { actorOf } from '../common/actor.js';
import { API_V1 } from '../common/api-prefix.js';
import { contentRange, etagOf, parseIfMatch } from '../common/http-headers.js';
import {
  parseCreateDraft,
  parsePolicyTest,
  parsePublish,
  parseRollback,
  parseUpdateDraft,
  parseVersionParam,
} from './dto/policy-inputs.js';
import type {
  PolicyDiffDto,
  PolicyDto,
  PolicyTestResultDto,
  PolicyVersionDto,
  PolicyVersionSummaryDto,
  PublishResultDto,
} from './dto/policy.dto.js';
import { assertPolicyId } from './policy-id.js';
import { PolicyPublicationService } from './policy-publication.service.js';
import { PolicyVersionsService } from './policy-versions.service.js';
import { parseVersionListQuery } from './version-list-query.js';

// The ETag of a version is its revision: it changes with every save of a draft.
@Controller(`${API_V1}/policies`)
export class PoliciesController {
  constructor(
    private readonly versions: PolicyVersionsService,
    private readonly publication: PolicyPublicationService,
  ) {}

  @Get()
  @Roles(...READERS)
  async list(@Res({ passthrough: true }) reply: FastifyReply): Promise<PolicyDto[]> {
    const policies = await this.versions.listPolicies();
    void reply.header('content-range', contentRange('policies', 0, policies.length, policies.length));
    return policies;
  }

  @Get(':policyId')
  @Roles(...READERS)
  get(@Param('policyId') policyId: string): Promise<PolicyDto> {
    return this.versions.getPolicy(assertPolicyId(policyId));
  }

  // Declared before ':policyId/versions/:version' routes for readability; the paths cannot clash.
  @Get(':policyId/diff')
  @Roles(...READERS)
  diff(@Param('policyId') policyId: string, @Query('from') from: unknown, @Query('to') to: unknown): Promise<PolicyDiffDto> {
    return this.versions.diff(assertPolicyId(policyId), parseVersionParam(from, '/query/from'), parseVersionParam(to, '/query/to'));
  }

  @Get(':policyId/versions')
  @Roles(...READERS)
  async versionsOf(
    @Param('policyId') policyId: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PolicyVersionSummaryDto[]> {
    const parsed = parseVersionListQuery(query);
    const page = await this.versions.listVersions(assertPolicyId(policyId), parsed);
    void reply.header('content-range', contentRange('versions', parsed.range.start, page.items.length, page.total));
    return page.items;
  }

  @Get(':policyId/versions/:version')
  @Roles(...READERS)
  async version(
    @Param('policyId') policyId: string,
    @Param('version') version: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PolicyVersionDto> {
    const found = await this.versions.getVersion(assertPolicyId(policyId), parseVersionParam(version, '/version'));
    void reply.header('etag', etagOf(found.revision));
    return found;
  }

  /** A new draft: `{}` (a skeleton), `{ "document": {...} }` (an upload) or `{ "copyOf": 2 }`. */
  @Post(':policyId/versions')
  @Roles('author')
  async createDraft(
    @Param('policyId') policyId: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PolicyVersionDto> {
    const id = assertPolicyId(policyId);
    const draft = await this.versions.createDraft(id, parseCreateDraft(body), { actor: actorOf(request), requestId: request.id });
    void reply
      .status(201)
      .header('etag', etagOf(draft.revision))
      .header('location', `/${API_V1}/policies/${encodeURIComponent(id)}/versions/${draft.version}`);
    return draft;
  }

  /** Saves a draft: `{ "document": {...}, "revision": n }` or If-Match: "n". A stale revision is refused with 409. */
  @Put(':policyId/versions/:version')
  @Roles('author')
  async updateDraft(
    @Param('policyId') policyId: string,
    @Param('version') version: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PolicyVersionDto> {
    const id = assertPolicyId(policyId);
    const number = parseVersionParam(version, '/version');
    const input = parseUpdateDraft(body, parseIfMatch(ifMatch));
    const saved = await this.versions.updateDraft(id, number, input, { actor: actorOf(request), requestId: request.id });
    void reply.header('etag', etagOf(saved.revision));
    return saved;
  }

  /** Discards a draft (kept as `discarded`, its number never reused). If-Match: "n" makes it conditional. Answers the discarded version. */
  @Delete(':policyId/versions/:version')
  @Roles('author')
  async discardDraft(
    @Param('policyId') policyId: string,
    @Param('version') version: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PolicyVersionDto> {
    const discarded = await this.versions.discardDraft(
      assertPolicyId(policyId),
      parseVersionParam(version, '/version'),
      parseIfMatch(ifMatch),
      { actor: actorOf(request), requestId: request.id },
    );
    void reply.header('etag', etagOf(discarded.revision));
    return discarded;
  }

  /** What-if on any version: `{ "facts": {...} }` or `{ "customerId": "..." }`; the decision and every condition's outcome. */
  @Post(':policyId/versions/:version/test')
  @HttpCode(200)
  @Roles('author', 'publisher', 'auditor')
  test(@Param('policyId') policyId: string, @Param('version') version: string, @Body() body: unknown): Promise<PolicyTestResultDto> {
    return this.versions.test(assertPolicyId(policyId), parseVersionParam(version, '/version'), parsePolicyTest(body));
  }

  /** The draft becomes the version in force and every customer is re-graded with it, in one transaction. */
  @Post(':policyId/versions/:version/publish')
  @HttpCode(200)
  @Roles('publisher')
  publish(
    @Param('policyId') policyId: string,
    @Param('version') version: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<PublishResultDto> {
    return this.publication.publish(
      assertPolicyId(policyId),
      parseVersionParam(version, '/version'),
      parsePublish(body, parseIfMatch(ifMatch)),
      { actor: actorOf(request), requestId: request.id },
    );
  }

  /** Publishes a copy of this (older) version as a new version, and re-grades. */
  @Post(':policyId/versions/:version/rollback')
  @HttpCode(200)
  @Roles('publisher')
  rollback(
    @Param('policyId') policyId: string,
    @Param('version') version: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
  ): Promise<PublishResultDto> {
    return this.publication.rollback(assertPolicyId(policyId), parseVersionParam(version, '/version'), parseRollback(body), {
      actor: actorOf(request),
      requestId: request.id,
    });
  }
}
