import { parseTierHistoryListQuery, type TierHistoryListQuery } from './tier-history-list-query.js';

export type TierHistoryExportQuery = Pick<TierHistoryListQuery, 'sort' | 'filter'>;

/** The list's sort and filter, read and refused (400) as the list reads them; the export is every row they select, so no range. */
export function parseTierHistoryExportQuery(query: Record<string, unknown>): TierHistoryExportQuery {
  const { sort, filter } = parseTierHistoryListQuery({ ...query, range: undefined });
  return { sort, filter };
}
