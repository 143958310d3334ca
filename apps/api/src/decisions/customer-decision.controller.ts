import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVERYONE } from '../auth/role.js';
import { Roles } from '../auth/roles.decorator.js';
import { API_V1 } from '../common/api-prefix.js';
import { assertCustomerId } from '../customers/customer-id.js';
import { ApiProblems } from '../openapi/problem-openapi.js';
import { schemaRef } from '../openapi/schema-ref.js';
import { DecisionAsOfService } from './decision-as-of.service.js';
import { DecisionsService } from './decisions.service.js';
import { parseAsOfQuery } from './dto/as-of-query.input.js';

/** A customer's decision: the one in force now (as GET /decisions/{customerId}), or at a past moment. */
@ApiTags('decisions')
@Controller(`${API_V1}/customers/:id/decision`)
@Roles(...EVERYONE)
export class CustomerDecisionController {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly asOf: DecisionAsOfService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "The customer's decision in force now, or with asOf the one in force at that moment (evaluated again from what it was made of)",
  })
  @ApiQuery({
    name: 'asOf',
    required: false,
    description:
      'A past moment, as a date-time with its offset (send + as %2B): the answer is the decision in force then, the latest stored at or before it, evaluated again from its facts, tier set by hand, standing and population facts under the policy version that made it (gradedAt and cause are its own). Without it, the stored decision now.',
    schema: { type: 'string', format: 'date-time', example: '2026-03-01T09:30:00Z' },
  })
  @ApiOkResponse({ description: 'The decision', schema: schemaRef('StoredDecision') })
  @ApiProblems({
    400: 'invalid-request (not a customer id, or asOf not a date-time with its offset)',
    404: 'customer-not-found, decision-not-found (not graded yet, or not yet at asOf)',
  })
  async get(
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const customerId = assertCustomerId(id);
    const asOf = parseAsOfQuery(query);
    void reply.type('application/json; charset=utf-8');
    // Now: the stored text as the call centre reads it. Then: evaluated again, serialized here.
    if (asOf === undefined) return this.decisions.storedJson(customerId);
    return JSON.stringify(await this.asOf.inForceAt(customerId, asOf));
  }
}
