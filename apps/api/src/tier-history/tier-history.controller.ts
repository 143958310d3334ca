import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { READERS } from '../auth/role.js';
import { Roles } from '../auth/roles.decorator.js';
import { API_V1 } from '../common/api-prefix.js';
import { contentRange } from '../common/http-headers.js';
import { assertCustomerId } from '../customers/customer-id.js';
import type { TierHistoryDto } from './dto/tier-history.dto.js';
import { ApiCsvExport } from '../openapi/csv-export-openapi.js';
import { ApiRaList, type RaListDescription } from '../openapi/list-openapi.js';
import { ApiProblems } from '../openapi/problem-openapi.js';
import { TIER_HISTORY_CSV_COLUMNS } from './tier-history-csv.js';
import { parseTierHistoryExportQuery } from './tier-history-export-query.js';
import { TierHistoryExportService } from './tier-history-export.service.js';
import { parseTierHistoryListQuery, TIER_HISTORY_SORT_FIELDS } from './tier-history-list-query.js';
import { TierHistoryService } from './tier-history.service.js';

const TIER_HISTORY_LIST: RaListDescription = {
  item: 'TierHistoryEntry',
  resource: 'tier-history',
  sortFields: TIER_HISTORY_SORT_FIELDS,
  defaultSort: '["at","DESC"]',
  filterExample: { customerId: 'C-1001', tier: 'A', cause: 'fact-change', from: '2026-11-01' },
  filterDescription:
    'customerId: one id or a list; tier: changes into or out of these tiers; cause: one cause or a list; policyVersion: one number or a list; from, to: ISO dates or times.',
  maxPage: 500,
};

@ApiTags('tier history')
@Controller(`${API_V1}/customers/:id/tier-history`)
@Roles(...READERS)
export class TierHistoryController {
  constructor(private readonly history: TierHistoryService) {}

  /** The same sort, range and filter as GET /tier-history, within one customer; newest first by default. */
  @ApiOperation({ summary: "One customer's tier changes, newest first, paged, sorted and filtered" })
  @ApiRaList(TIER_HISTORY_LIST)
  @ApiProblems({ 400: 'invalid-request (not a customer id, or a sort, range or filter that does not fit)' })
  @Get()
  async list(
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TierHistoryDto[]> {
    const customerId = assertCustomerId(id);
    const parsed = parseTierHistoryListQuery(query);
    const page = await this.history.forCustomer(customerId, parsed);
    void reply.header('content-range', contentRange('tier-history', parsed.range.start, page.items.length, page.total));
    return page.items;
  }
}

/** Every customer's tier changes, filtered and paged in the ra-data-simple-rest dialect. */
@ApiTags('tier history')
@Controller(`${API_V1}/tier-history`)
@Roles(...READERS)
export class TierHistoryListController {
  constructor(
    private readonly history: TierHistoryService,
    private readonly exporter: TierHistoryExportService,
  ) {}

  @ApiOperation({ summary: "Every customer's tier changes, paged, sorted and filtered" })
  @ApiRaList(TIER_HISTORY_LIST)
  @ApiProblems({ 400: 'invalid-request (a sort, range or filter that does not fit)' })
  @Get()
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply): Promise<TierHistoryDto[]> {
    const parsed = parseTierHistoryListQuery(query);
    const page = await this.history.list(parsed);
    void reply.header('content-range', contentRange('tier-history', parsed.range.start, page.items.length, page.total));
    return page.items;
  }

  /** The list's filter and sort, every selected entry, streamed page by page as the client reads. */
  @ApiOperation({ summary: "Every tier change the filter selects as CSV, in the list's order" })
  @ApiCsvExport({
    row: 'tier change',
    filename: 'tier-history',
    columns: TIER_HISTORY_CSV_COLUMNS,
    sortFields: TIER_HISTORY_LIST.sortFields,
    defaultSort: TIER_HISTORY_LIST.defaultSort,
    filterExample: TIER_HISTORY_LIST.filterExample,
    filterDescription: TIER_HISTORY_LIST.filterDescription,
  })
  @ApiProblems({ 400: 'invalid-request (a sort or filter that does not fit)' })
  @Get('export.csv')
  async exportCsv(@Query() query: Record<string, unknown>): Promise<StreamableFile> {
    const csv = await this.exporter.exportCsv(parseTierHistoryExportQuery(query));
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return new StreamableFile(csv, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="tier-history-${stamp}.csv"`,
    });
  }
}
