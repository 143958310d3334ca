import { parseListQuery, textList, type ListQuery } from '../common/ra-list-query.js';
import type { PolicyDto } from './dto/policy.dto.js';

// ra-data-simple-rest dialect for the policies list: sort=["id","ASC"] range=[0,24] filter={"q":"def","id":["default"]}.
// There are a handful of policies (one per product line), so the list is
// filtered, sorted and paged in memory after one read.

export const POLICY_SORT_FIELDS = ['id', 'createdAt', 'publishedVersion', 'publishedAt', 'latestVersion', 'drafts'] as const;
export type PolicySortField = (typeof POLICY_SORT_FIELDS)[number];

export interface PolicyListFilter {
  /** Part of the id or of the name, in any case. */
  q?: string;
  id?: string[];
  /** true: only policies with a version in force; false: only those never published. */
  published?: boolean;
}

export type PolicyListQuery = ListQuery<PolicySortField, PolicyListFilter>;

export function parsePolicyListQuery(query: Record<string, unknown>): PolicyListQuery {
  return parseListQuery<PolicySortField, PolicyListFilter>(query, {
    what: 'policies',
    sortFields: POLICY_SORT_FIELDS,
    defaultSort: { field: 'id', order: 'ASC' },
    maxPage: 100,
    defaultPage: 25,
    filters: {
      q: (value) => (typeof value === 'string' ? { ok: true, value: value.trim().toLowerCase() } : { ok: false, message: 'must be text' }),
      id: textList,
      published: (value) => (typeof value === 'boolean' ? { ok: true, value } : { ok: false, message: 'must be true or false' }),
    },
  });
}

/** One page of `policies` by `query`, and how many match in all. */
export function pageOfPolicies(policies: readonly PolicyDto[], query: PolicyListQuery): { items: PolicyDto[]; total: number } {
  const { q, id, published } = query.filter;
  const matching = policies.filter(
    (policy) =>
      (q === undefined || policy.id.toLowerCase().includes(q) || JSON.stringify(policy.name).toLowerCase().includes(q)) &&
      (id === undefined || id.includes(policy.id)) &&
      (published === undefined || (policy.publishedVersion !== null) === published),
  );
  const { field, order } = query.sort;
  const sign = order === 'ASC' ? 1 : -1;
  const sorted = [...matching].sort((a, b) => compare(a[field], b[field], sign) || compare(a.id, b.id, 1));
  return { items: sorted.slice(query.range.start, query.range.end + 1), total: matching.length };
}

// Nulls last whichever the order, as the SQL lists sort them (NULLS LAST).
function compare(a: string | number | null, b: string | number | null, sign: 1 | -1): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return sign * (a < b ? -1 : 1);
}
