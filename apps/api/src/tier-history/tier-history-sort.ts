import type { ListSort } from '../common/ra-list-query.js';
import type { TierHistorySortField } from './tier-history-list-query.js';

// How each sort field orders rows, shared by the paged list and the export's
// keyset pages so that both give the same rows in the same order. Nulls come
// last in either direction and the id breaks ties.

interface SortColumn {
  column: string;
  /** The SQL type a cursor's text key is cast back to. */
  type: string;
  nullable: boolean;
  /** The column as text that casts back to the very same value (`at` to the microsecond, as stored). */
  key: string;
}

function column(name: string, type: string, nullable = false): SortColumn {
  return { column: `h.${name}`, type, nullable, key: `h.${name}::text` };
}

const SORT_COLUMNS: Readonly<Record<TierHistorySortField, SortColumn>> = {
  at: {
    column: 'h.at',
    type: 'timestamptz',
    nullable: false,
    key: `to_char(h.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  },
  id: column('id', 'bigint'),
  customerId: column('customer_id', 'text'),
  newTier: column('new_tier', 'text', true),
  previousTier: column('previous_tier', 'text', true),
  // float8 prints as the shortest text that reads back as the same double (PostgreSQL 12 and later).
  score: column('score', 'double precision', true),
  policyVersion: column('policy_version', 'integer'),
  cause: column('cause', 'text'),
};

/** Where a keyset page ends: the sort column's value as text (null for a null) and the row's id. */
export interface TierHistoryCursor {
  key: string | null;
  id: string;
}

export function orderBy({ field, order }: ListSort<TierHistorySortField>): string {
  return field === 'id' ? `h.id ${order}` : `${SORT_COLUMNS[field].column} ${order} NULLS LAST, h.id ${order}`;
}

/** The select-list expression whose value a page's last row hands to `after` as its key. */
export function sortKey(field: TierHistorySortField): string {
  return SORT_COLUMNS[field].key;
}

/** The condition for rows that `orderBy(sort)` puts after `cursor`; its parameters are appended to `params`. */
export function after({ field, order }: ListSort<TierHistorySortField>, cursor: TierHistoryCursor, params: unknown[]): string {
  const comparison = order === 'ASC' ? '>' : '<';
  params.push(cursor.id);
  const id = `$${params.length}::bigint`;
  if (field === 'id') return `h.id ${comparison} ${id}`;
  const { column: sorted, type, nullable } = SORT_COLUMNS[field];
  // Past the last non-null value only nulls remain, in id order.
  if (cursor.key === null) return `(${sorted} IS NULL AND h.id ${comparison} ${id})`;
  params.push(cursor.key);
  const key = `$${params.length}::${type}`;
  // A row comparison, which an index on (column, id) can serve; nulls, sorted last, follow every value.
  const later = `(${sorted}, h.id) ${comparison} (${key}, ${id})`;
  return nullable ? `(${later} OR ${sorted} IS NULL)` : later;
}
