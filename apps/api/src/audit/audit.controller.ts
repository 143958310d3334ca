import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { Roles } from '../auth/roles.decorator.js';
import { API_V1 } from '../common/api-prefix.js';
import { contentRange } from '../common/http-headers.js';
import { parseAuditExportQuery, parseAuditListQuery } from './audit-list-query.js';
import { AuditService } from './audit.service.js';
import type { AuditEventDto } from './dto/audit-event.dto.js';

@Controller(`${API_V1}/audit-events`)
@Roles('auditor')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuditEventDto[]> {
    const parsed = parseAuditListQuery(query);
    const page = await this.audit.list(parsed);
    void reply.header('content-range', contentRange('audit-events', parsed.range.start, page.items.length, page.total));
    return page.items;
  }

  /** Same filters as the list; every matching event, streamed. */
  @Get('export.csv')
  @ApiProduces('text/csv')
  async exportCsv(@Query() query: Record<string, unknown>): Promise<StreamableFile> {
    const lines = await this.audit.exportCsv(parseAuditExportQuery(query));
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return new StreamableFile(Readable.from(lines), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="audit-events-${stamp}.csv"`,
    });
  }
}
