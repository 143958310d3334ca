import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READERS } from '../auth/role.js';
import { Roles } from '../auth/roles.decorator.js';
import { API_V1 } from '../common/api-prefix.js';
import { DomainException } from '../common/domain.exception.js';
import { ApiProblems } from '../openapi/problem-openapi.js';
import { schemaRef } from '../openapi/schema-ref.js';
import type { TierHistoryReplayDto } from './tier-history-replay.js';
import { TierHistoryReplayService } from './tier-history-replay.service.js';

@ApiTags('tier history')
@Controller(`${API_V1}/tier-history`)
@Roles(...READERS)
export class TierHistoryReplayController {
  constructor(private readonly replays: TierHistoryReplayService) {}

  // POST: it evaluates rules (a computation, not a read of something stored); it writes nothing.
  @Post(':id/replay')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Evaluates a tier history entry again from its stored facts, inputs and policy version; identical says the outcome matches',
  })
  @ApiOkResponse({ description: 'The stored outcome, the replayed one and its decision', schema: schemaRef('TierHistoryReplay') })
  @ApiProblems({ 400: 'invalid-request (not an entry id)', 404: 'tier-history-entry-not-found' })
  replay(@Param('id') id: string): Promise<TierHistoryReplayDto> {
    return this.replays.replay(parseEntryId(id));
  }
}

function parseEntryId(raw: string): string {
  if (/^[1-9][0-9]{0,17}$/.test(raw)) return raw;
  throw DomainException.invalidRequest([
    { path: '/id', message: `'${raw.slice(0, 40)}' is not a tier history entry id (a positive whole number)` },
  ]);
}
