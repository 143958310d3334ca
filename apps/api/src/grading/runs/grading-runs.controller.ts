import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { READERS } from '../../auth/role.js';
import { Roles } from '../../auth/roles.decorator.js';
import { actorOf } from '../../common/actor.js';
import { API_V1 } from '../../common/api-prefix.js';
import { contentRange } from '../../common/http-headers.js';
import { parseListQuery } from '../../common/ra-list-query.js';
import { ApiRaList, type RaListDescription } from '../../openapi/list-openapi.js';
import { ApiProblems } from '../../openapi/problem-openapi.js';
import { LOCATION_HEADER } from '../../openapi/response-headers.js';
import { schemaRef } from '../../openapi/schema-ref.js';
import { parseStartRun } from './dto/grading-run-inputs.js';
import type { GradingRunDto, GradingRunFailureDto } from './dto/grading-run.dto.js';
import { GRADING_RUN_SORT_FIELDS, parseGradingRunListQuery } from './grading-run-list-query.js';
import { GradingRunRequestsService } from './grading-run-requests.service.js';
import { parseRunId, runLocation } from './run-id.js';

const GRADING_RUN_LIST: RaListDescription = {
  item: 'GradingRun',
  resource: 'grading-runs',
  sortFields: GRADING_RUN_SORT_FIELDS,
  defaultSort: '["startedAt","DESC"]',
  filterExample: { kind: 'simulation', status: 'succeeded', cause: 'manual', policyId: 'default', policyVersion: 3 },
  filterDescription:
    'kind: grade or simulation; status: queued, running, succeeded or failed; cause: publish, rollback, schedule or manual; policyId; policyVersion: one number or a list; id: a list (getMany).',
  maxPage: 100,
};

const FAILURE_LIST: RaListDescription = {
  item: 'GradingRunFailure',
  resource: 'failures',
  sortFields: ['customerId'],
  defaultSort: '["customerId","ASC"]',
  filterExample: {},
  filterDescription: 'No filters.',
  maxPage: 500,
};

/** Grading runs: re-grades and simulations of the whole population, done by workers. */
@ApiTags('grading runs')
@Controller(`${API_V1}/grading-runs`)
@Roles(...READERS)
export class GradingRunsController {
  constructor(@Inject(GradingRunRequestsService) private readonly runs: GradingRunRequestsService) {}

  @ApiOperation({ summary: 'Grading runs and simulations, newest first, paged and filtered' })
  @ApiRaList(GRADING_RUN_LIST)
  @ApiProblems({ 400: 'invalid-request (a sort, range or filter that does not fit)' })
  @Get()
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply): Promise<GradingRunDto[]> {
    const parsed = parseGradingRunListQuery(query);
    const page = await this.runs.list(parsed);
    void reply.header('content-range', contentRange('grading-runs', parsed.range.start, page.items.length, page.total));
    return page.items;
  }

  @ApiOperation({ summary: 'One grading run: its progress, counts per tier before and after, and the migration grid' })
  @ApiOkResponse({ description: 'The run', schema: schemaRef('GradingRun') })
  @ApiProblems({ 400: 'invalid-request (not a run id)', 404: 'grading-run-not-found' })
  @Get(':id')
  get(@Param('id') id: string): Promise<GradingRunDto> {
    return this.runs.get(parseRunId(id));
  }

  @ApiOperation({ summary: "The customers a run could not grade, and why (their facts do not fit the policy's)" })
  @ApiRaList(FAILURE_LIST)
  @ApiProblems({ 400: 'invalid-request', 404: 'grading-run-not-found' })
  @Get(':id/failures')
  async failures(
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GradingRunFailureDto[]> {
    const runId = parseRunId(id);
    const parsed = parseListQuery(query, {
      what: 'failures',
      sortFields: ['customerId'] as const,
      defaultSort: { field: 'customerId', order: 'ASC' },
      filters: {},
      maxPage: 500,
      defaultPage: 25,
    });
    const page = await this.runs.failures(runId, parsed.range);
    void reply.header('content-range', contentRange('failures', parsed.range.start, page.items.length, page.total));
    return page.items;
  }

  @ApiOperation({ summary: 'Start a grading run by hand: every customer (or those the filter picks) graded under the version in force' })
  @ApiBody({ schema: schemaRef('StartGradingRunRequest'), required: false })
  @ApiAcceptedResponse({
    description: 'The run, queued; follow it at /grading-runs/{id}',
    schema: schemaRef('GradingRun'),
    headers: { Location: LOCATION_HEADER },
  })
  @ApiProblems({
    400: 'invalid-request',
    404: 'policy-not-found',
    409: 'policy-not-grading (the policy does not grade customers), no-active-policy',
  })
  @Post()
  @HttpCode(202)
  @Roles('admin', 'publisher')
  async start(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GradingRunDto> {
    const run = await this.runs.startByHand(parseStartRun(body), actorOf(request));
    void reply.header('location', runLocation(run.id));
    return run;
  }
}
