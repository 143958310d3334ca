import { integerList, parseListQuery, textList, type FilterReader, type ListQuery } from '../../common/ra-list-query.js';
import { RUN_CAUSES, RUN_KINDS, RUN_STATUSES } from './grading-run.js';

// sort=["startedAt","DESC"] range=[0,24] filter={"kind":"simulation","status":"running","policyId":"default"}

export const GRADING_RUN_SORT_FIELDS = ['startedAt', 'id'] as const;
export type GradingRunSortField = (typeof GRADING_RUN_SORT_FIELDS)[number];

export interface GradingRunFilter {
  /** react-admin's getMany. */
  id?: number[];
  kind?: string;
  status?: string;
  cause?: string;
  policyId?: string;
  policyVersion?: number[];
}

function oneOf(values: readonly string[]): FilterReader<string> {
  return (value) => {
    const read = textList(value);
    if (!read.ok || read.value.length !== 1 || !values.includes(read.value[0]!))
      return { ok: false, message: `must be one of ${values.join(', ')}` };
    return { ok: true, value: read.value[0]! };
  };
}

const policyId: FilterReader<string> = (value) =>
  typeof value === 'string' && value.length > 0 ? { ok: true, value } : { ok: false, message: 'must be a policy id' };

export function parseGradingRunListQuery(query: Record<string, unknown>): ListQuery<GradingRunSortField, GradingRunFilter> {
  return parseListQuery(query, {
    what: 'grading runs',
    sortFields: GRADING_RUN_SORT_FIELDS,
    defaultSort: { field: 'startedAt', order: 'DESC' },
    filters: {
      id: integerList,
      kind: oneOf(RUN_KINDS),
      status: oneOf(RUN_STATUSES),
      cause: oneOf(RUN_CAUSES),
      policyId,
      policyVersion: integerList,
    },
    maxPage: 100,
    defaultPage: 25,
  });
}
