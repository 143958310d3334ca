import { integerList, parseListQuery } from '../common/ra-list-query.js';
import type { PolicyVersionStatus } from './policy-version.entity.js';
import type { VersionListQuery, VersionSortField } from './policy-version.repository.js';

// ra-data-simple-rest dialect: sort=["version","DESC"] range=[0,24] filter={"status":"draft","id":[1,2]}.
// react-admin sorts and fetches by its record id, which for a version is its number.
const STATUSES: readonly PolicyVersionStatus[] = ['draft', 'published', 'superseded', 'discarded'];
const MAX_PAGE = 200;

export function parseVersionListQuery(query: Record<string, unknown>): VersionListQuery {
  const { sort, range, filter } = parseListQuery<VersionSortField, { status?: PolicyVersionStatus[]; id?: number[] }>(query, {
    what: 'versions',
    sortFields: ['version', 'id', 'createdAt'],
    defaultSort: { field: 'version', order: 'DESC' },
    maxPage: MAX_PAGE,
    defaultPage: 50,
    filters: {
      status: (value) => {
        const list = Array.isArray(value) ? value : [value];
        return list.every((item) => STATUSES.includes(item as PolicyVersionStatus))
          ? { ok: true, value: list as PolicyVersionStatus[] }
          : { ok: false, message: `must be one or more of ${STATUSES.join(', ')}` };
      },
      id: integerList,
    },
  });
  return {
    // A version's id is its number, and numbers are handed out in creation order.
    sort: { field: sort.field === 'createdAt' ? 'createdAt' : 'version', order: sort.order },
    range,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.id ? { versions: filter.id } : {}),
  };
}
