import type { SortPayload } from 'react-admin';
import { API_URL } from '../api/http-client';

// GET /audit-events/export.csv streams every event matching the list's filters. It sorts by at or id
// only; any other list sort exports newest first.
export function auditExportUrl(filter: Record<string, unknown>, sort: SortPayload): string {
  const exportSort = sort.field === 'at' || sort.field === 'id' ? [sort.field, sort.order] : ['at', 'DESC'];
  const query = new URLSearchParams({ filter: JSON.stringify(filter), sort: JSON.stringify(exportSort) });
  return `${API_URL}/audit-events/export.csv?${query.toString()}`;
}
