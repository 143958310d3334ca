import { Inject, Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { LOGGER } from '../logging/logger.token.js';
import { customersCsvHeader, customersCsvLines } from './customers-csv.js';
import type { CustomersExportQuery } from './customers-export-query.js';
import { CustomersExportRepository, type ExportedCustomer } from './customers-export.repository.js';

/** Customers per database round trip while exporting: memory holds about one page, however many customers. */
export const CUSTOMERS_EXPORT_PAGE = 1000;

/**
 * How pages are read: one server-side cursor (PostgreSQL), or keyset pages that hold no
 * connection between them (embedded PGlite, whose single session a cursor's transaction would take).
 */
export type CustomersExportReader = 'cursor' | 'keyset';

export interface CustomersExportOptions {
  /** Tests cross many pages with a small one. */
  pageSize?: number;
  reader?: CustomersExportReader;
}

// The design of the tier-history export (tier-history-export.service.ts), for customers.
@Injectable()
export class CustomersExportService {
  constructor(
    private readonly customers: CustomersExportRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * The selected customers as a CSV byte stream, header first, one chunk per page, read from the
   * database only as fast as the client takes them (not object mode: the stream holds about one
   * page beyond what the socket has). The first page is read before this returns, so a failing
   * query is still a problem+json answer rather than a response cut short.
   */
  async exportCsv(query: CustomersExportQuery, options: CustomersExportOptions = {}): Promise<Readable> {
    const pageSize = options.pageSize ?? CUSTOMERS_EXPORT_PAGE;
    const reader = options.reader ?? (this.config.database.kind === 'postgres' ? 'cursor' : 'keyset');
    const pages =
      reader === 'cursor' ? this.customers.exportThroughCursor(query.filter, query.sort, pageSize) : this.keysetPages(query, pageSize);
    const first = await pages.next();
    const { logger } = this;
    const lines = (async function* () {
      yield customersCsvHeader();
      try {
        for (let page = first; !page.done; page = await pages.next()) yield customersCsvLines(page.value);
      } catch (error) {
        // The status line is long gone: the client sees a cut-off file, the log says why.
        logger.error({ err: error }, 'customers export failed part-way; the response was cut off');
        throw error;
      }
    })();
    const stream = Readable.from(lines, { objectMode: false });
    // However the stream ends (done, failed, or the client went away before or during the
    // download), the pages are closed: the cursor's transaction rolls back, its connection is freed.
    stream.once('close', () => void pages.return(undefined));
    return stream;
  }

  private async *keysetPages(query: CustomersExportQuery, pageSize: number): AsyncGenerator<ExportedCustomer[], void, undefined> {
    let page = await this.customers.exportPage(query.filter, query.sort, undefined, pageSize);
    for (;;) {
      if (page.rows.length > 0) yield page.rows;
      if (!page.next) return;
      page = await this.customers.exportPage(query.filter, query.sort, page.next, pageSize);
    }
  }
}
