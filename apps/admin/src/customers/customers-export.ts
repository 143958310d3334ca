import type { SortPayload } from 'react-admin';
import { API_URL } from '../api/http-client';

// GET /customers/export.csv streams every customer the list's filters select (search, tier, set by
// hand), in the list's sort (it takes the same filter and sort, and no range).
export function customersExportUrl(filter: Record<string, unknown>, sort: SortPayload): string {
  const query = new URLSearchParams({ filter: JSON.stringify(filter), sort: JSON.stringify([sort.field, sort.order]) });
  return `${API_URL}/customers/export.csv?${query.toString()}`;
}
