import type { ListSort } from '../common/ra-list-query.js';
import type { CustomerSortField } from './customer-list-query.js';

// The export's order, which is the customer list's (customer-list-page.ts) for every sort field,
// as one ORDER BY for the cursor and as keyset conditions for the pages read on PGlite:
// - a customer's own column, then the id, both in the sort's direction;
// - a decision's column (tier, score, ...) sorts nulls as the smallest value and customers with
//   no decision at all before even those (the list reads them as a segment of their own, first
//   ascending, last descending), each run of ties or nulls by id: in effect the key
//   (graded, value is not null, value, id), all in the sort's direction.

interface SortColumn {
  column: string;
  /** The SQL type a page's text key is cast back to. */
  type: string;
  /** The column as text that casts back to the very same value (timestamps to the microsecond, as stored). */
  key: string;
  /** On tier_assignments a, so null for a customer not graded yet. */
  decision: boolean;
}

const utc = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const SORT_COLUMNS: Readonly<Record<CustomerSortField, SortColumn>> = {
  id: { column: 'c.id', type: 'text', key: 'c.id', decision: false },
  name: { column: 'c.name', type: 'text', key: 'c.name', decision: false },
  version: { column: 'c.version', type: 'integer', key: 'c.version::text', decision: false },
  createdAt: { column: 'c.created_at', type: 'timestamptz', key: utc('c.created_at'), decision: false },
  updatedAt: { column: 'c.updated_at', type: 'timestamptz', key: utc('c.updated_at'), decision: false },
  tier: { column: 'a.tier', type: 'text', key: 'a.tier', decision: true },
  // float8 prints as the shortest text that reads back as the same double (PostgreSQL 12 and later).
  score: { column: 'a.score', type: 'double precision', key: 'a.score::text', decision: true },
  policyVersion: { column: 'a.policy_version', type: 'integer', key: 'a.policy_version::text', decision: true },
  gradedAt: { column: 'a.graded_at', type: 'timestamptz', key: utc('a.graded_at'), decision: true },
};

const GRADED = 'a.customer_id IS NOT NULL';

/** Where a keyset page ends: whether its last customer is graded, the sort column's value as text (null for a null), and its id. */
export interface CustomersExportCursor {
  graded: boolean;
  key: string | null;
  id: string;
}

export function orderBy({ field, order }: ListSort<CustomerSortField>): string {
  if (field === 'id') return `c.id ${order}`;
  const { column, decision } = SORT_COLUMNS[field];
  if (!decision) return `${column} ${order}, c.id ${order}`;
  return `(${GRADED}) ${order}, ${column} ${order} NULLS ${order === 'ASC' ? 'FIRST' : 'LAST'}, c.id ${order}`;
}

/** The select-list expression whose value a page's last row hands to `after` as its key. */
export function sortKey(field: CustomerSortField): string {
  return SORT_COLUMNS[field].key;
}

/** The condition for customers that `orderBy(sort)` puts after `cursor`; its parameters are appended to `params`. */
export function after({ field, order }: ListSort<CustomerSortField>, cursor: CustomersExportCursor, params: unknown[]): string {
  const ascending = order === 'ASC';
  const comparison = ascending ? '>' : '<';
  const id = `$${params.push(cursor.id)}::text`;
  if (field === 'id') return `c.id ${comparison} ${id}`;
  const { column, type, decision } = SORT_COLUMNS[field];
  // A row comparison, which an index on (column, id) can serve.
  const later = cursor.key === null ? '' : `(${column}, c.id) ${comparison} ($${params.push(cursor.key)}::${type}, ${id})`;
  if (!decision) return later;
  if (!cursor.graded) {
    // Among the customers not graded yet: first of all ascending, last of all descending.
    return ascending ? `((NOT ${GRADED} AND c.id > ${id}) OR ${GRADED})` : `(NOT ${GRADED} AND c.id < ${id})`;
  }
  if (cursor.key === null) {
    // Among the graded nulls: the values follow them ascending, the ungraded descending.
    const nulls = `(${GRADED} AND ${column} IS NULL AND c.id ${comparison} ${id})`;
    return ascending ? `(${nulls} OR ${column} IS NOT NULL)` : `(${nulls} OR NOT ${GRADED})`;
  }
  // Among the values: descending, every null (graded or not) follows them.
  return ascending ? later : `(${later} OR ${column} IS NULL)`;
}
