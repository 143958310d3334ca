import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../logging/logger.token.js';
import { auditCsvLine, AUDIT_CSV_COLUMNS, csvLine } from './audit-csv.js';
import { toAuditEventDto } from './audit-event.mapper.js';
import type { AuditListQuery } from './audit-list-query.js';
import { AuditRepository } from './audit.repository.js';
import type { AuditEventDto } from './dto/audit-event.dto.js';

// Rows per database round trip while exporting; memory stays flat however long the log is.
const EXPORT_PAGE = 1000;

@Injectable()
export class AuditService {
  constructor(
    private readonly events: AuditRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async list(query: AuditListQuery): Promise<{ items: AuditEventDto[]; total: number }> {
    const { rows, total } = await this.events.list(query);
    return { items: rows.map(toAuditEventDto), total };
  }

  /**
   * The matching events as CSV text, header first. The first page is read
   * before this returns, so a failing query is still a problem+json answer
   * rather than a response cut short.
   */
  async exportCsv(query: Pick<AuditListQuery, 'sort' | 'filter'>): Promise<AsyncGenerator<string>> {
    const sort = { field: query.sort.field === 'id' ? ('id' as const) : ('at' as const), order: query.sort.order };
    const first = await this.events.exportPage(query.filter, sort, undefined, EXPORT_PAGE);
    const { events, logger } = this;
    return (async function* () {
      yield csvLine(AUDIT_CSV_COLUMNS);
      let page = first;
      try {
        for (;;) {
          // One chunk per page keeps the number of writes to the socket small.
          if (page.rows.length > 0) yield page.rows.map((row) => auditCsvLine(toAuditEventDto(row))).join('');
          if (!page.next) return;
          page = await events.exportPage(query.filter, sort, page.next, EXPORT_PAGE);
        }
      } catch (error) {
        // The status line is long gone: the client sees a cut-off file, the log says why.
        logger.error({ err: error }, 'audit export failed part-way; the response was cut off');
        throw error;
      }
    })();
  }
}
