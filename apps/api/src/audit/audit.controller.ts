import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { Roles } from '../auth/roles.decorator.js';
import { API_V1 } from '../common/api-prefix.js';
import { contentRange } from '../common/http-headers.js';
import { ApiRaList } from '../openapi/list-openapi.js';
import { ApiProblems } from '../openapi/problem-openapi.js';
import { AUDIT_SORT_FIELDS, parseAuditExportQuery, parseAuditListQuery } from './audit-list-query.js';
import { AuditService } from './audit.service.js';
import type { AuditEventDto } from './dto/audit-event.dto.js';

@ApiTags('audit')
@Controller(`${API_V1}/audit-events`)
@Roles('auditor')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @ApiOperation({ summary: 'Who did what and when, paged, sorted and filtered' })
  @ApiRaList({
    item: 'AuditEvent',
    resource: 'audit-events',
    sortFields: AUDIT_SORT_FIELDS,
    defaultSort: '["at","DESC"]',
    filterExample: { actor: 'user:alice', action: ['customer.update'], from: '2026-11-01' },
    filterDescription: 'actor, action, target: one value or a list; from, to: ISO dates or times; id: event ids (getMany).',
    maxPage: 500,
  })
  @ApiProblems({ 400: 'invalid-request (a sort, range or filter that does not fit)' })
  @Get()
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuditEventDto[]> {
    const parsed = parseAuditListQuery(query);
    const page = await this.audit.list(parsed);
    void reply.header('content-range', contentRange('audit-events', parsed.range.start, page.items.length, page.total));
    return page.items;
  }

  /** Same filters as the list; every matching event, streamed. */
  @Get('export.csv')
  @ApiOperation({ summary: 'Every matching audit event as CSV (cells that a spreadsheet would run as formulas are quoted)' })
  @ApiQuery({
    name: 'sort',
    required: false,
    description: '["at"|"id","ASC"|"DESC"] as JSON. Default ["at","ASC"].',
    schema: { type: 'string', example: '["at","ASC"]' },
  })
  @ApiQuery({ name: 'filter', required: false, description: 'As the list takes it.', schema: { type: 'string' } })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'A CSV file, one event a row', schema: { type: 'string' } })
  @ApiProblems({ 400: 'invalid-request (a sort or filter that does not fit)' })
  async exportCsv(@Query() query: Record<string, unknown>): Promise<StreamableFile> {
    const lines = await this.audit.exportCsv(parseAuditExportQuery(query));
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return new StreamableFile(Readable.from(lines), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="audit-events-${stamp}.csv"`,
    });
  }
}
