import { Body, Controller, Delete, Param, Put, Req } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Roles } from '../auth/roles.decorator.js';
import { actorOf } from '../common/actor.js';
import { API_V1 } from '../common/api-prefix.js';
import type { StoredDecisionDto } from '../decisions/dto/stored-decision.dto.js';
import { assertCustomerId } from './customer-id.js';
import { parseTierOverride } from './dto/tier-override.input.js';
import { ApiProblems } from '../openapi/problem-openapi.js';
import { schemaRef } from '../openapi/schema-ref.js';
import { TierOverrideService } from './tier-override.service.js';

// Admin and publisher: a tier set by hand changes a customer's service level as a
// publication changes everyone's, and a publication that drops a pinned tier is
// refused until those overrides are cleared, so whoever publishes must be able to clear them.
const OVERRIDERS = ['admin', 'publisher'] as const;

const DECISION_ANSWER = {
  description: 'The stored decision, as GET /api/v1/decisions/{customerId} serves it (with gradedAt, cause "manual-override")',
  schema: schemaRef('StoredDecision'),
};

@ApiTags('customers')
@Controller(`${API_V1}/customers`)
export class TierOverrideController {
  constructor(private readonly overrides: TierOverrideService) {}

  @ApiOperation({
    summary: 'Keep a customer in a tier by hand, whatever its score, until cleared or until its expiresAt; its treatments follow that tier',
  })
  @ApiBody({ schema: schemaRef('TierOverrideRequest') })
  @ApiOkResponse(DECISION_ANSWER)
  @ApiProblems({ 400: 'invalid-request', 404: 'customer-not-found', 422: 'unknown-tier', 503: 'no-active-policy' })
  @Put(':id/tier-override')
  @Roles(...OVERRIDERS)
  setOverride(@Param('id') id: string, @Body() body: unknown, @Req() request: FastifyRequest): Promise<StoredDecisionDto> {
    const customerId = assertCustomerId(id);
    return this.overrides.set(customerId, parseTierOverride(body), { actor: actorOf(request), requestId: request.id });
  }

  @ApiOperation({ summary: 'Clear the tier set by hand: the customer is graded by the rules again' })
  @ApiOkResponse(DECISION_ANSWER)
  @ApiProblems({ 400: 'invalid-request (not a customer id)', 404: 'customer-not-found', 503: 'no-active-policy' })
  @Delete(':id/tier-override')
  @Roles(...OVERRIDERS)
  clearOverride(@Param('id') id: string, @Req() request: FastifyRequest): Promise<StoredDecisionDto> {
    return this.overrides.clear(assertCustomerId(id), { actor: actorOf(request), requestId: request.id });
  }
}
