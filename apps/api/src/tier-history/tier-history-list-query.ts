import { isCustomerId } from '../customers/customer-id.js';
import {
  integerList,
  parseListQuery,
  textList,
  timeBound,
  type FilterReader,
  type ListQuery,
  type TimeBound,
} from '../common/ra-list-query.js';
import type { GradingCause } from '../grading/grading-cause.js';

// sort=["at","DESC"] range=[0,24] filter={"id":[7,9],"customerId":"C-1","tier":"A","cause":"fact-change","policyVersion":2,"from":"2026-11-01"}

export const TIER_HISTORY_SORT_FIELDS = ['at', 'id', 'customerId', 'newTier', 'previousTier', 'score', 'policyVersion', 'cause'] as const;
export type TierHistorySortField = (typeof TIER_HISTORY_SORT_FIELDS)[number];

export interface TierHistoryFilter {
  /** react-admin's getMany. */
  id?: number[];
  customerId?: string[];
  /** Matches a change into or out of any of these tiers. */
  tier?: string[];
  cause?: GradingCause[];
  policyVersion?: number[];
  from?: TimeBound;
  to?: TimeBound;
}

export type TierHistoryListQuery = ListQuery<TierHistorySortField, TierHistoryFilter>;

const CAUSES: readonly GradingCause[] = ['policy-publish', 'fact-change', 'manual-override', 'regrade'];

const customerIds: FilterReader<string[]> = (value) => {
  const read = textList(value);
  if (read.ok && !read.value.every(isCustomerId)) return { ok: false, message: 'must be a customer id or a list of them' };
  return read;
};

const causes: FilterReader<GradingCause[]> = (value) => {
  const read = textList(value);
  if (read.ok && !read.value.every((cause) => (CAUSES as readonly string[]).includes(cause))) {
    return { ok: false, message: `must be one of ${CAUSES.join(', ')}, or a list of them` };
  }
  return read as { ok: true; value: GradingCause[] } | { ok: false; message: string };
};

export function parseTierHistoryListQuery(query: Record<string, unknown>): TierHistoryListQuery {
  return parseListQuery(query, {
    what: 'tier history entries',
    sortFields: TIER_HISTORY_SORT_FIELDS,
    defaultSort: { field: 'at', order: 'DESC' },
    filters: {
      id: integerList,
      customerId: customerIds,
      tier: textList,
      cause: causes,
      policyVersion: integerList,
      from: timeBound('from'),
      to: timeBound('to'),
    },
    maxPage: 500,
    defaultPage: 25,
  });
}
