import { DomainException } from '../common/domain.exception.js';
import type { FieldError } from '../common/field-error.js';
import { isPlainObject, parseJsonParam } from '../common/request-shape.js';
import type { PolicyVersionStatus } from './policy-version.entity.js';
import type { VersionListQuery } from './policy-version.repository.js';

// ra-data-simple-rest dialect: sort=["version","DESC"] range=[0,24] filter={"status":"draft"}
const STATUSES: readonly PolicyVersionStatus[] = ['draft', 'published', 'superseded', 'discarded'];
const MAX_PAGE = 200;

export function parseVersionListQuery(query: Record<string, unknown>): VersionListQuery {
  const errors: FieldError[] = [];
  const result: VersionListQuery = { order: 'DESC', range: { start: 0, end: 49 } };

  const sort = parseJsonParam(query['sort']);
  if (!sort.ok) errors.push({ path: '/sort', message: `sort ${sort.message}` });
  else if (sort.value !== undefined) {
    const [field, order] = Array.isArray(sort.value) ? (sort.value as unknown[]) : [];
    const upper = typeof order === 'string' ? order.toUpperCase() : undefined;
    if (!['version', 'id'].includes(field as string) || (upper !== 'ASC' && upper !== 'DESC')) {
      errors.push({ path: '/sort', message: 'versions are sorted by version: sort=["version","ASC"|"DESC"]' });
    } else result.order = upper;
  }

  const range = parseJsonParam(query['range']);
  if (!range.ok) errors.push({ path: '/range', message: `range ${range.message}` });
  else if (range.value !== undefined) {
    const value = range.value;
    const valid = Array.isArray(value) && value.length === 2 && value.every((n) => Number.isSafeInteger(n) && (n as number) >= 0);
    const [start, end] = valid ? (value as [number, number]) : [0, -1];
    if (!valid || end < start || end - start + 1 > MAX_PAGE) {
      errors.push({ path: '/range', message: `range must be [start, end], whole numbers from 0, at most ${MAX_PAGE} versions` });
    } else result.range = { start, end };
  }

  const filter = parseJsonParam(query['filter']);
  if (!filter.ok) errors.push({ path: '/filter', message: `filter ${filter.message}` });
  else if (filter.value !== undefined) {
    if (!isPlainObject(filter.value)) errors.push({ path: '/filter', message: 'filter must be a JSON object' });
    else {
      for (const [key, value] of Object.entries(filter.value)) {
        const list = Array.isArray(value) ? value : [value];
        if (key !== 'status') errors.push({ path: `/filter/${key}`, message: `versions can be filtered by status only, not '${key}'` });
        else if (!list.every((item) => STATUSES.includes(item as PolicyVersionStatus))) {
          errors.push({ path: '/filter/status', message: `status must be one or more of ${STATUSES.join(', ')}` });
        } else result.status = list as PolicyVersionStatus[];
      }
    }
  }
  if (errors.length > 0) throw DomainException.invalidRequest(errors);
  return result;
}
