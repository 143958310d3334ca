import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../logging/logger.token.js';
import { tierHistoryCsvHeader, tierHistoryCsvLines } from './tier-history-csv.js';
import type { TierHistoryExportQuery } from './tier-history-export-query.js';
import { toTierHistoryDto } from './tier-history.mapper.js';
import { TierHistoryRepository } from './tier-history.repository.js';

/** Rows per database round trip while exporting: memory holds about one page, however long the history. */
export const TIER_HISTORY_EXPORT_PAGE = 1000;

@Injectable()
export class TierHistoryExportService {
  constructor(
    private readonly history: TierHistoryRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * The selected entries as CSV text, header first, one chunk per page, read
   * only as fast as the consumer pulls. The first page is read before this
   * returns, so a failing query is still a problem+json answer rather than a
   * response cut short. `pageSize` is there for tests that cross many pages.
   */
  async exportCsv(query: TierHistoryExportQuery, pageSize = TIER_HISTORY_EXPORT_PAGE): Promise<AsyncGenerator<string>> {
    const { filter, sort } = query;
    const first = await this.history.exportPage(filter, sort, undefined, pageSize);
    const { history, logger } = this;
    return (async function* () {
      yield tierHistoryCsvHeader();
      let page = first;
      try {
        for (;;) {
          if (page.rows.length > 0) yield tierHistoryCsvLines(page.rows.map(toTierHistoryDto));
          if (!page.next) return;
          page = await history.exportPage(filter, sort, page.next, pageSize);
        }
      } catch (error) {
        // The status line is long gone: the client sees a cut-off file, the log says why.
        logger.error({ err: error }, 'tier history export failed part-way; the response was cut off');
        throw error;
      }
    })();
  }
}
