import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { Decision } from '@tierwise/policy';
import { EVERYONE } from '../auth/role.js';
import { Roles } from '../auth/roles.decorator.js';
import { API_V1 } from '../common/api-prefix.js';
import { assertCustomerId } from '../customers/customer-id.js';
import { DecisionsService } from './decisions.service.js';
import { parseEvaluate } from './dto/evaluate.input.js';
import type { StoredDecisionDto } from './dto/stored-decision.dto.js';

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

  @Get(':customerId')
  stored(@Param('customerId') customerId: string): Promise<StoredDecisionDto> {
    return this.decisions.stored(assertCustomerId(customerId, '/customerId'));
  }
}
