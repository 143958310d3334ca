import { parseListQuery } from '../common/ra-list-query.js';
import type { PolicyVersionStatus } from './policy-version.entity.js';
import type { VersionListQuery } from './policy-version.repository.js';

// ra-data-simple-rest dialect: sort=["version","DESC"] range=[0,24] filter={"status":"draft"}.
// react-admin sorts by its record id, which for a version is its number.
const STATUSES: readonly PolicyVersionStatus[] = ['draft', 'published', 'superseded', 'discarded'];
const MAX_PAGE = 200;

export function parseVersionListQuery(query: Record<string, unknown>): VersionListQuery {
  const { sort, range, filter } = parseListQuery<'version' | 'id', { status?: PolicyVersionStatus[] }>(query, {
    what: 'versions',
    sortFields: ['version', 'id'],
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
    },
  });
  return { order: sort.order, range, ...(filter.status ? { status: filter.status } : {}) };
}
