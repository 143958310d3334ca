import { DomainException } from '../common/domain.exception.js';
import {
  integerList,
  parseListQuery,
  textList,
  timeBound,
  type ListQuery,
  type ListSpec,
  type TimeBound,
} from '../common/ra-list-query.js';

// sort=["at","DESC"] range=[0,49] filter={"id":[12,13],"actor":"user:alice","action":["customer.update"],"target":"customer:C-1","from":"2026-11-01","to":"2026-11-27"}

export const AUDIT_SORT_FIELDS = ['at', 'id', 'actor', 'action', 'target'] as const;
export type AuditSortField = (typeof AUDIT_SORT_FIELDS)[number];

export interface AuditFilter {
  /** react-admin's getMany. */
  id?: number[];
  actor?: string[];
  action?: string[];
  target?: string[];
  from?: TimeBound;
  to?: TimeBound;
}

export type AuditListQuery = ListQuery<AuditSortField, AuditFilter>;

const AUDIT_LIST: ListSpec<AuditSortField, AuditFilter> = {
  what: 'audit events',
  sortFields: AUDIT_SORT_FIELDS,
  defaultSort: { field: 'at', order: 'DESC' },
  filters: { id: integerList, actor: textList, action: textList, target: textList, from: timeBound('from'), to: timeBound('to') },
  maxPage: 500,
  defaultPage: 25,
};

export function parseAuditListQuery(query: Record<string, unknown>): AuditListQuery {
  return parseListQuery(query, AUDIT_LIST);
}

/** The export streams every matching event, so it takes no range; it reads in time or id order. */
export function parseAuditExportQuery(query: Record<string, unknown>): Pick<AuditListQuery, 'sort' | 'filter'> {
  const { sort, filter } = parseListQuery(
    { ...query, range: undefined },
    {
      ...AUDIT_LIST,
      defaultSort: { field: 'at', order: 'ASC' },
    },
  );
  if (sort.field !== 'at' && sort.field !== 'id') {
    throw DomainException.invalidRequest([{ path: '/sort/0', message: 'the export is sorted by at or id' }]);
  }
  return { sort, filter };
}
