import { parseListQuery, textList, type ListQuery } from '../common/ra-list-query.js';
import { isCustomerId } from './customer-id.js';

// The ra-data-simple-rest dialect, so a stock react-admin data provider works:
//   sort=["name","ASC"]  range=[0,24]  filter={"tier":"A","q":"text","id":["C1","C2"],"overridden":true}

export const CUSTOMER_SORT_FIELDS = [
  'id',
  'name',
  'tier',
  'score',
  'version',
  'policyVersion',
  'createdAt',
  'updatedAt',
  'gradedAt',
] as const;
export type CustomerSortField = (typeof CUSTOMER_SORT_FIELDS)[number];

export interface CustomerListFilter {
  q?: string;
  tier?: string[];
  id?: string[];
  /** Only customers with (true) or without (false) a tier set by hand. */
  overridden?: boolean;
}

export type CustomerListQuery = ListQuery<CustomerSortField, CustomerListFilter>;

export const MAX_PAGE = 500;
const DEFAULT_PAGE = 25;

export function parseCustomerListQuery(query: Record<string, unknown>): CustomerListQuery {
  return parseListQuery<CustomerSortField, CustomerListFilter>(query, {
    what: 'customers',
    sortFields: CUSTOMER_SORT_FIELDS,
    defaultSort: { field: 'name', order: 'ASC' },
    maxPage: MAX_PAGE,
    defaultPage: DEFAULT_PAGE,
    filters: {
      q: (value) => (typeof value === 'string' ? { ok: true, value: value.trim() } : { ok: false, message: 'must be text' }),
      tier: textList,
      id: (value) => {
        const ids: unknown[] = Array.isArray(value) ? value : [value];
        if (ids.length > MAX_PAGE) return { ok: false, message: `takes at most ${MAX_PAGE} ids at once` };
        return ids.every(isCustomerId) ? { ok: true, value: ids } : { ok: false, message: 'must be a customer id or a list of them' };
      },
      overridden: (value) => (typeof value === 'boolean' ? { ok: true, value } : { ok: false, message: 'must be true or false' }),
    },
  });
}
