import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
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
  parseCreatePolicy,
  parsePolicyUpdate,
  parseRollback,
  parseSimulate,
  parseUpdateDraft,
  parseVersionParam,
} from './dto/policy-inputs.js';
import type {
  PolicyDiffDto,
  PolicyDto,
  PolicyTestResultDto,
  PolicyUpdateResultDto,
  PolicyVersionDto,
  PolicyVersionSummaryDto,
  PublishResultDto,
} from './dto/policy.dto.js';
import { ApiRaList } from '../openapi/list-openapi.js';
import { ApiProblems } from '../openapi/problem-openapi.js';
import { ETAG_HEADER, LOCATION_HEADER } from '../openapi/response-headers.js';
import { schemaRef } from '../openapi/schema-ref.js';
import type { GradingRunDto } from '../grading/runs/dto/grading-run.dto.js';
import { GradingRunRequestsService } from '../grading/runs/grading-run-requests.service.js';
import { runLocation } from '../grading/runs/run-id.js';
import { assertPolicyId } from './policy-id.js';
import { pageOfPolicies, parsePolicyListQuery, POLICY_SORT_FIELDS } from './policy-list-query.js';
import { PolicyGradingService } from './policy-grading.service.js';
import { PolicyPublicationService } from './policy-publication.service.js';
import { PolicyVersionsService } from './policy-versions.service.js';
import { parseVersionListQuery } from './version-list-query.js';

// The ETag of a version is its revision: it changes with every save of a draft.
@ApiTags('policies')
@Controller(`${API_V1}/policies`)
export class PoliciesController {
  constructor(
    private readonly versions: PolicyVersionsService,
    private readonly publication: PolicyPublicationService,
    private readonly runs: GradingRunRequestsService,
    private readonly grading: PolicyGradingService,
  ) {}

  /** A new policy with version 1 as a draft; it grades nobody until a publisher says so. */
  @ApiOperation({ summary: 'Create a policy (id, name) with version 1 as a draft, from a document (rules/examples/*) or empty' })
  @ApiBody({ schema: schemaRef('CreatePolicyRequest') })
  @ApiCreatedResponse({ description: 'The policy', schema: schemaRef('Policy'), headers: { Location: LOCATION_HEADER } })
  @ApiProblems({ 400: 'invalid-request', 409: 'policy-exists' })
  @Post()
  @Roles('author', 'admin')
  async create(@Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<PolicyDto> {
    const policy = await this.versions.createPolicy(parseCreatePolicy(body), { actor: actorOf(request), requestId: request.id });
    void reply.header('location', `/${API_V1}/policies/${encodeURIComponent(policy.id)}`);
    return policy;
  }

  /** Makes this the policy that grades the customers (which starts a run), or sets when its scheduled runs start. */
  @ApiOperation({
    summary: 'Make this policy the one that grades the customers (a grading run re-grades everyone), or set its grading schedule',
  })
  @ApiBody({ schema: schemaRef('UpdatePolicyRequest') })
  @ApiOkResponse({ description: 'The policy, and the grading run the switch started', schema: schemaRef('PolicyUpdateResult') })
  @ApiProblems({
    400: 'invalid-request (a schedule that is not a cron)',
    404: 'policy-not-found',
    409: 'policy-not-published (no version of it is in force)',
    422: 'unknown-tier (customers kept by hand in a tier this policy lacks)',
  })
  @Patch(':policyId')
  @Roles('publisher', 'admin')
  update(@Param('policyId') policyId: string, @Body() body: unknown, @Req() request: FastifyRequest): Promise<PolicyUpdateResultDto> {
    return this.grading.update(assertPolicyId(policyId), parsePolicyUpdate(body), { actor: actorOf(request), requestId: request.id });
  }

  /** ra-data-simple-rest's update sends PUT with the whole record: the same as PATCH. */
  @ApiOperation({ summary: 'The same as PATCH, for clients that send the whole record back (react-admin)' })
  @ApiBody({ schema: schemaRef('UpdatePolicyRequest') })
  @ApiOkResponse({ description: 'The policy, and the grading run the switch started', schema: schemaRef('PolicyUpdateResult') })
  @ApiProblems({ 400: 'invalid-request', 404: 'policy-not-found', 409: 'policy-not-published', 422: 'unknown-tier' })
  @Put(':policyId')
  @Roles('publisher', 'admin')
  replace(@Param('policyId') policyId: string, @Body() body: unknown, @Req() request: FastifyRequest): Promise<PolicyUpdateResultDto> {
    return this.update(policyId, body, request);
  }

  @ApiOperation({ summary: 'Policies, each with the version in force' })
  @ApiRaList({
    item: 'Policy',
    resource: 'policies',
    sortFields: POLICY_SORT_FIELDS,
    defaultSort: '["id","ASC"]',
    filterExample: { q: 'def', published: true },
    filterDescription: 'q: text in the id or name; id: policy ids (getMany); published: true for those with a version in force.',
    maxPage: 100,
  })
  @ApiProblems({ 400: 'invalid-request (a sort, range or filter that does not fit)' })
  @Get()
  @Roles(...READERS)
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply): Promise<PolicyDto[]> {
    const parsed = parsePolicyListQuery(query);
    const page = pageOfPolicies(await this.versions.listPolicies(), parsed);
    void reply.header('content-range', contentRange('policies', parsed.range.start, page.items.length, page.total));
    return page.items;
  }

  @ApiOperation({ summary: 'One policy, with the version in force' })
  @ApiOkResponse({ description: 'The policy', schema: schemaRef('Policy') })
  @ApiProblems({ 400: 'invalid-request (not a policy id)', 404: 'policy-not-found' })
  @Get(':policyId')
  @Roles(...READERS)
  get(@Param('policyId') policyId: string): Promise<PolicyDto> {
    return this.versions.getPolicy(assertPolicyId(policyId));
  }

  // Declared before ':policyId/versions/:version' routes for readability; the paths cannot clash.
  @ApiOperation({ summary: 'What changed between two versions: a structural diff and a plain-language summary' })
  @ApiQuery({ name: 'from', type: Number })
  @ApiQuery({ name: 'to', type: Number })
  @ApiOkResponse({ description: 'The differences', schema: schemaRef('PolicyDiff') })
  @ApiProblems({ 400: 'invalid-request', 404: 'policy-not-found, policy-version-not-found' })
  @Get(':policyId/diff')
  @Roles(...READERS)
  diff(@Param('policyId') policyId: string, @Query('from') from: unknown, @Query('to') to: unknown): Promise<PolicyDiffDto> {
    return this.versions.diff(assertPolicyId(policyId), parseVersionParam(from, '/query/from'), parseVersionParam(to, '/query/to'));
  }

  @ApiOperation({ summary: 'The versions of a policy, newest first, without their documents' })
  @ApiRaList({
    item: 'PolicyVersionSummary',
    resource: 'versions',
    sortFields: ['version', 'id', 'createdAt'],
    defaultSort: '["version","DESC"]',
    defaultRange: '[0,49]',
    filterExample: { status: 'draft' },
    filterDescription: 'status: draft, published, superseded or discarded, or a list; id: version numbers (getMany).',
    maxPage: 200,
  })
  @ApiProblems({ 400: 'invalid-request', 404: 'policy-not-found' })
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

  @ApiOperation({ summary: 'One version: its document, lint findings and revision (the ETag)' })
  @ApiOkResponse({ description: 'The version', schema: schemaRef('PolicyVersion'), headers: { ETag: ETAG_HEADER } })
  @ApiProblems({ 400: 'invalid-request', 404: 'policy-not-found, policy-version-not-found' })
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
  @ApiOperation({ summary: 'Start a draft: empty, from an uploaded document, or as a copy of any version; lint runs and is stored' })
  @ApiBody({ schema: schemaRef('CreateDraftRequest') })
  @ApiCreatedResponse({
    description: 'The new draft',
    schema: schemaRef('PolicyVersion'),
    headers: { ETag: ETAG_HEADER, Location: LOCATION_HEADER },
  })
  @ApiProblems({ 400: 'invalid-request', 404: 'policy-not-found, policy-version-not-found (copyOf)' })
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
  @ApiOperation({ summary: 'Save a draft (optimistic concurrency on its revision); lint runs and is stored' })
  @ApiBody({ schema: schemaRef('UpdateDraftRequest') })
  @ApiOkResponse({ description: 'The draft as saved', schema: schemaRef('PolicyVersion'), headers: { ETag: ETAG_HEADER } })
  @ApiProblems({
    400: 'invalid-request',
    404: 'policy-not-found, policy-version-not-found',
    409: 'draft-conflict (a stale revision), not-a-draft',
  })
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
    const input = parseUpdateDraft(body, parseIfMatch(ifMatch), number);
    const saved = await this.versions.updateDraft(id, number, input, { actor: actorOf(request), requestId: request.id });
    void reply.header('etag', etagOf(saved.revision));
    return saved;
  }

  /** Discards a draft (kept as `discarded`, its number never reused). If-Match: "n" makes it conditional. Answers the discarded version. */
  @ApiOperation({ summary: 'Discard a draft: it is kept as discarded and its number never reused' })
  @ApiOkResponse({ description: 'The discarded version', schema: schemaRef('PolicyVersion'), headers: { ETag: ETAG_HEADER } })
  @ApiProblems({
    400: 'invalid-request',
    404: 'policy-not-found, policy-version-not-found',
    409: 'draft-conflict (a stale If-Match), not-a-draft',
  })
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
  @ApiOperation({ summary: 'Evaluate any version for given facts or a stored customer, with every condition traced; nothing is stored' })
  @ApiBody({ schema: schemaRef('PolicyTestRequest') })
  @ApiOkResponse({ description: 'The decision and its trace', schema: schemaRef('PolicyTestResult') })
  @ApiProblems({
    400: 'invalid-request',
    404: 'policy-not-found, policy-version-not-found, customer-not-found',
    409: 'policy-not-evaluable',
    422: 'invalid-facts',
  })
  @Post(':policyId/versions/:version/test')
  @HttpCode(200)
  @Roles('author', 'publisher', 'auditor')
  test(@Param('policyId') policyId: string, @Param('version') version: string, @Body() body: unknown): Promise<PolicyTestResultDto> {
    return this.versions.test(assertPolicyId(policyId), parseVersionParam(version, '/version'), parsePolicyTest(body));
  }

  /** The draft becomes the version in force and every customer is re-graded with it, in one transaction. */
  @ApiOperation({ summary: 'Publish a draft: it becomes the version in force and every customer is re-graded, in one transaction' })
  @ApiBody({ schema: schemaRef('PublishRequest'), required: false })
  @ApiOkResponse({ description: 'Published, with the re-grade counts', schema: schemaRef('PublishResult') })
  @ApiProblems({
    400: 'invalid-request',
    404: 'policy-not-found, policy-version-not-found',
    409: 'not-a-draft, draft-conflict, publish-conflict, policy-not-evaluable',
    422: 'policy-has-lint-errors, unknown-tier (a tier set by hand that the version drops)',
  })
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
  @ApiOperation({ summary: 'Publish a copy of an earlier version as a new version (same hash) and re-grade' })
  @ApiBody({ schema: schemaRef('RollbackRequest'), required: false })
  @ApiOkResponse({ description: 'Published, with the re-grade counts', schema: schemaRef('PublishResult') })
  @ApiProblems({
    400: 'invalid-request',
    404: 'policy-not-found, policy-version-not-found',
    409: 'publish-conflict, policy-not-evaluable',
    422: 'policy-has-lint-errors, unknown-tier',
  })
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

  /** What a version would do to the stored customers, as a run that writes no decision. */
  @ApiOperation({
    summary:
      'Simulate a version (a draft too) over every stored customer: counts per tier before and after, the migration grid and what the treatments would cost; nothing is written',
  })
  @ApiAcceptedResponse({
    description: 'The simulation, queued: a grading run of kind simulation; follow it at /grading-runs/{id}',
    schema: schemaRef('GradingRun'),
    headers: { Location: LOCATION_HEADER },
  })
  @ApiProblems({
    400: 'invalid-request',
    404: 'policy-not-found, policy-version-not-found',
    409: 'policy-not-evaluable (the draft has lint errors)',
  })
  @ApiBody({ schema: schemaRef('SimulateRequest'), required: false })
  @Post(':policyId/versions/:version/simulate')
  @HttpCode(202)
  @Roles('author', 'publisher', 'admin')
  async simulate(
    @Param('policyId') policyId: string,
    @Param('version') version: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GradingRunDto> {
    parseSimulate(body);
    const run = await this.runs.simulate(assertPolicyId(policyId), parseVersionParam(version, '/version'), actorOf(request));
    void reply.header('location', runLocation(run.id));
    return run;
  }
}
