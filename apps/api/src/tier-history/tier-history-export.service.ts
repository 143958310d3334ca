import { Inject, Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { LOGGER } from '../logging/logger.token.js';
import { tierHistoryCsvHeader, tierHistoryCsvLines } from './tier-history-csv.js';
import type { TierHistoryExportQuery } from './tier-history-export-query.js';
import type { TierHistoryEntity } from './tier-history.entity.js';
import { toTierHistoryDto } from './tier-history.mapper.js';
import { TierHistoryRepository } from './tier-history.repository.js';

/** Rows per database round trip while exporting: memory holds about one page, however long the history. */
export const TIER_HISTORY_EXPORT_PAGE = 1000;

/**
 * How pages are read: one server-side cursor (PostgreSQL), or keyset pages that hold no
 * connection between them (embedded PGlite, whose single session a cursor's transaction would take).
 */
export type TierHistoryExportReader = 'cursor' | 'keyset';

export interface TierHistoryExportOptions {
  /** Tests cross many pages with a small one. */
  pageSize?: number;
  reader?: TierHistoryExportReader;
}

@Injectable()
export class TierHistoryExportService {
  constructor(
    private readonly history: TierHistoryRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * The selected entries as a CSV byte stream, header first, one chunk per page, read from the
   * database only as fast as the client takes them (not object mode: the stream holds about one
   * page beyond what the socket has). The first page is read before this returns, so a failing
   * query is still a problem+json answer rather than a response cut short.
   */
  async exportCsv(query: TierHistoryExportQuery, options: TierHistoryExportOptions = {}): Promise<Readable> {
    const pageSize = options.pageSize ?? TIER_HISTORY_EXPORT_PAGE;
    const reader = options.reader ?? (this.config.database.kind === 'postgres' ? 'cursor' : 'keyset');
    const pages =
      reader === 'cursor' ? this.history.exportThroughCursor(query.filter, query.sort, pageSize) : this.keysetPages(query, pageSize);
    const first = await pages.next();
    const { logger } = this;
    const lines = (async function* () {
      yield tierHistoryCsvHeader();
      try {
        for (let page = first; !page.done; page = await pages.next()) yield tierHistoryCsvLines(page.value.map(toTierHistoryDto));
      } catch (error) {
        // The status line is long gone: the client sees a cut-off file, the log says why.
        logger.error({ err: error }, 'tier history export failed part-way; the response was cut off');
        throw error;
      }
    })();
    const stream = Readable.from(lines, { objectMode: false });
    // However the stream ends (done, failed, or the client went away before or during the
    // download), the pages are closed: the cursor's transaction rolls back, its connection is freed.
    stream.once('close', () => void pages.return(undefined));
    return stream;
  }

  private async *keysetPages(query: TierHistoryExportQuery, pageSize: number): AsyncGenerator<TierHistoryEntity[], void, undefined> {
    let page = await this.history.exportPage(query.filter, query.sort, undefined, pageSize);
    for (;;) {
      if (page.rows.length > 0) yield page.rows;
      if (!page.next) return;
      page = await this.history.exportPage(query.filter, query.sort, page.next, pageSize);
    }
  }
}
