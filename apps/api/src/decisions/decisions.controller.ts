import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Decision } from '@tierwise/policy';
import type { FastifyReply } from 'fastify';
import { EVERYONE } from '../auth/role.js';
import { Roles } from '../auth/roles.decorator.js';
import { API_V1 } from '../common/api-prefix.js';
import { assertCustomerId } from '../customers/customer-id.js';
import { DecisionsService } from './decisions.service.js';
import { parseEvaluate } from './dto/evaluate.input.js';

@Controller(`${API_V1}/decisions`)
@Roles(...EVERYONE)
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  // Declared before ':customerId' so the literal path is never read as an id.
  @Post('evaluate')
  @HttpCode(200)
  evaluate(@Body() body: unknown): Promise<Decision> {
    return this.decisions.evaluate(parseEvaluate(body));
  }

  /** A StoredDecisionDto, already serialized: the hot path never parses or re-stringifies it. */
  @Get(':customerId')
  async stored(@Param('customerId') customerId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const body = await this.decisions.storedJson(assertCustomerId(customerId, '/customerId'));
    void reply.type('application/json; charset=utf-8');
    return body;
  }
}
