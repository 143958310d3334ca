import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ListSort } from '../common/ra-list-query.js';
import { likePattern } from '../common/like-pattern.js';
import { readThroughCursor } from '../database/read-through-cursor.js';
import type { CustomerListFilter, CustomerSortField } from './customer-list-query.js';
import { after, orderBy, sortKey, type CustomersExportCursor } from './customers-export-sort.js';
import type { StoredTierOverride } from './tier-override.js';

// The customer and its current decision; of the decision only its treatments (a few hundred bytes of
// the stored text, which also holds the breakdown and explanation).
const EXPORT_COLUMNS = `c.id, c.name, c.tier_override, a.customer_id IS NOT NULL AS graded, a.tier, a.score,
  a.decision -> 'treatments' AS treatments, a.policy_id, a.policy_version, a.policy_hash, a.graded_at`;
const EXPORT_FROM = 'customers c LEFT JOIN tier_assignments a ON a.customer_id = c.id';

/** One customer of the export, with its current grading (nulls when it has none yet). */
export interface ExportedCustomer {
  id: string;
  name: string;
  tier: string | null;
  score: number | null;
  /** The decision's treatments, keyed by type, in the decision's order. */
  treatments: Record<string, Record<string, unknown>> | null;
  policyId: string | null;
  policyVersion: number | null;
  policyHash: string | null;
  gradedAt: Date | null;
  tierOverride: StoredTierOverride | null;
}

interface ExportRow {
  id: string;
  name: string;
  tier_override: StoredTierOverride | null;
  graded: boolean;
  tier: string | null;
  score: number | null;
  treatments: Record<string, Record<string, unknown>> | null;
  policy_id: string | null;
  policy_version: number | null;
  policy_hash: string | null;
  graded_at: Date | null;
}

/** Reads for GET /customers/export.csv: every customer the list's filter selects, in the list's order. */
@Injectable()
export class CustomersExportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every selected customer in the list's order, `size` at a time, through one server-side cursor (PostgreSQL only). */
  async *exportThroughCursor(
    filter: CustomerListFilter,
    sort: ListSort<CustomerSortField>,
    size: number,
  ): AsyncGenerator<ExportedCustomer[], void, undefined> {
    const { conditions, params } = filterConditions(filter);
    const select = `SELECT ${EXPORT_COLUMNS} FROM ${EXPORT_FROM} ${where(conditions)} ORDER BY ${orderBy(sort)}`;
    for await (const rows of readThroughCursor<ExportRow>(this.dataSource, select, params, size)) yield rows.map(toExported);
  }

  /**
   * One page of the export after `cursor`, in the list's order, by keyset rather
   * than OFFSET: a page near the end of a long export costs what one near its start does.
   */
  async exportPage(
    filter: CustomerListFilter,
    sort: ListSort<CustomerSortField>,
    cursor: CustomersExportCursor | undefined,
    size: number,
  ): Promise<{ rows: ExportedCustomer[]; next: CustomersExportCursor | undefined }> {
    const { conditions, params } = filterConditions(filter);
    if (cursor) conditions.push(after(sort, cursor, params));
    const limit = `$${params.push(size)}`;
    const rows = await this.dataSource.query<(ExportRow & { sort_key: string | null })[]>(
      `SELECT ${EXPORT_COLUMNS}, ${sortKey(sort.field)} AS sort_key FROM ${EXPORT_FROM} ${where(conditions)}
       ORDER BY ${orderBy(sort)} LIMIT ${limit}`,
      params,
    );
    const last = rows.at(-1);
    const next = rows.length === size && last ? { graded: last.graded, key: last.sort_key, id: last.id } : undefined;
    return { rows: rows.map(toExported), next };
  }
}

/**
 * The list's filter (customer-list-page.ts) as conditions on customers c and tier_assignments a.
 * The list finds a one-word q through the word table for its speed on one page and its count;
 * that table holds exactly the customers whose search text contains q, so the export, which reads
 * every match anyway, looks in the search text itself (customer_search, under its trigram index).
 */
function filterConditions(filter: CustomerListFilter): { conditions: string[]; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  // An empty q matches everyone, as in the list. U+001F parts the fields in the search text: it never matches in q.
  if (filter.q) {
    conditions.push(
      `c.id IN (SELECT s.id FROM customer_search s WHERE s.text LIKE lower(${param(likePattern(filter.q.replaceAll('\u001f', '')))}))`,
    );
  }
  if (filter.id !== undefined) conditions.push(`c.id = ANY(${param(filter.id)}::text[])`);
  if (filter.overridden !== undefined) conditions.push(`c.tier_override IS ${filter.overridden ? 'NOT ' : ''}NULL`);
  if (filter.tier !== undefined) conditions.push(`a.tier = ANY(${param([...new Set(filter.tier)])}::text[])`);
  return { conditions, params };
}

function where(conditions: readonly string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

function toExported(row: ExportRow): ExportedCustomer {
  return {
    id: row.id,
    name: row.name,
    tier: row.tier,
    score: row.score,
    treatments: row.treatments,
    policyId: row.policy_id,
    policyVersion: row.policy_version,
    policyHash: row.policy_hash,
    gradedAt: row.graded_at,
    tierOverride: row.tier_override,
  };
}
