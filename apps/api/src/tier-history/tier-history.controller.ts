import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { READERS } from '../auth/role.js';
import { Roles } from '../auth/roles.decorator.js';
import { API_V1 } from '../common/api-prefix.js';
import { contentRange } from '../common/http-headers.js';
import { assertCustomerId } from '../customers/customer-id.js';
import type { TierHistoryDto } from './dto/tier-history.dto.js';
import { parseTierHistoryListQuery } from './tier-history-list-query.js';
import { TierHistoryService } from './tier-history.service.js';

@Controller(`${API_V1}/customers/:id/tier-history`)
@Roles(...READERS)
export class TierHistoryController {
  constructor(private readonly history: TierHistoryService) {}

  @Get()
  list(@Param('id') id: string): Promise<TierHistoryDto[]> {
    return this.history.forCustomer(assertCustomerId(id));
  }
}

/** Every customer's tier changes, filtered and paged in the ra-data-simple-rest dialect. */
@Controller(`${API_V1}/tier-history`)
@Roles(...READERS)
export class TierHistoryListController {
  constructor(private readonly history: TierHistoryService) {}

  @Get()
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply): Promise<TierHistoryDto[]> {
    const parsed = parseTierHistoryListQuery(query);
    const page = await this.history.list(parsed);
    void reply.header('content-range', contentRange('tier-history', parsed.range.start, page.items.length, page.total));
    return page.items;
  }
}
