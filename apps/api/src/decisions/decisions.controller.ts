import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Decision } from '@tierwise/policy';
import type { FastifyReply } from 'fastify';
import { EVERYONE } from '../auth/role.js';
import { Roles } from '../auth/roles.decorator.js';
import { API_V1 } from '../common/api-prefix.js';
import { assertCustomerId } from '../customers/customer-id.js';
import { ApiProblems } from '../openapi/problem-openapi.js';
import { schemaRef } from '../openapi/schema-ref.js';
import { DecisionsService } from './decisions.service.js';
import { parseEvaluate } from './dto/evaluate.input.js';
import { parsePhoneQuery } from './dto/phone-query.input.js';

@ApiTags('decisions')
@Controller(`${API_V1}/decisions`)
@Roles(...EVERYONE)
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  // Declared before ':customerId' so the literal path is never read as an id.
  @Post('evaluate')
  @HttpCode(200)
  @ApiOperation({ summary: 'What-if: the decision for any facts, under the version in force or a named one; nothing is stored' })
  @ApiBody({ schema: schemaRef('EvaluateRequest') })
  @ApiOkResponse({ description: 'The decision', schema: schemaRef('Decision') })
  @ApiProblems({
    400: 'invalid-request',
    404: 'policy-version-not-found',
    409: 'policy-not-evaluable',
    422: 'invalid-facts',
    503: 'no-active-policy',
  })
  evaluate(@Body() body: unknown): Promise<Decision> {
    return this.decisions.evaluate(parseEvaluate(body));
  }

  /** The call centre's lookup by the number a customer calls from: the same answer as GET /decisions/{customerId}. */
  @Get()
  @ApiOperation({ summary: 'The stored decision of the customer with this phone number (E.164); the same answer as by id' })
  @ApiQuery({
    name: 'phone',
    required: true,
    description: 'E.164, with + sent as %2B; a raw + (read as a space) is accepted too',
    schema: { type: 'string', pattern: '^\\+[1-9]\\d{1,14}$', example: '+8613800000000' },
  })
  @ApiOkResponse({ description: 'The stored decision', schema: schemaRef('StoredDecision') })
  @ApiProblems({ 400: 'invalid-request (no phone, or not E.164)', 404: 'customer-not-found (no customer has it), decision-not-found' })
  async byPhone(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const body = await this.decisions.storedJsonByPhone(parsePhoneQuery(query));
    void reply.type('application/json; charset=utf-8');
    return body;
  }

  /** A StoredDecisionDto, already serialized: the hot path never parses or re-stringifies it. */
  @Get(':customerId')
  @ApiOperation({ summary: "The customer's stored decision: tier, treatments and why (the call-centre read; no rule runs)" })
  @ApiOkResponse({ description: 'The stored decision', schema: schemaRef('StoredDecision') })
  @ApiProblems({
    400: 'invalid-request (not a customer id)',
    404: 'customer-not-found (with `suggestion`, the id in another case, when one exists), decision-not-found (known but not graded yet)',
  })
  async stored(@Param('customerId') customerId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const body = await this.decisions.storedJson(assertCustomerId(customerId, '/customerId'));
    void reply.type('application/json; charset=utf-8');
    return body;
  }
}
