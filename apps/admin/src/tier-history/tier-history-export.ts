import type { SortPayload } from 'react-admin';
import { API_URL } from '../api/http-client';

// GET /tier-history/export.csv streams every entry the list's filter selects, in the list's sort
// (it takes the same filter and sort, and no range).
export function tierHistoryExportUrl(filter: Record<string, unknown>, sort: SortPayload): string {
  const query = new URLSearchParams({ filter: JSON.stringify(filter), sort: JSON.stringify([sort.field, sort.order]) });
  return `${API_URL}/tier-history/export.csv?${query.toString()}`;
}
