import { API_V1 } from '../../common/api-prefix.js';
import { DomainException } from '../../common/domain.exception.js';

/** A run id in a URL: a positive integer. */
export function parseRunId(raw: string): string {
  if (/^[1-9][0-9]{0,17}$/.test(raw)) return raw;
  throw DomainException.invalidRequest([
    { path: '/id', message: `'${raw.slice(0, 40)}' is not a grading run id (a positive whole number)` },
  ]);
}

/** Where a run is followed (the Location of a 202). */
export function runLocation(id: number): string {
  return `/${API_V1}/grading-runs/${id}`;
}
