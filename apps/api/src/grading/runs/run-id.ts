import { DomainException } from '../../common/domain.exception.js';

/** A run id in a URL: a positive integer. */
export function parseRunId(raw: string): string {
  if (/^[1-9][0-9]{0,17}$/.test(raw)) return raw;
  throw DomainException.invalidRequest([
    { path: '/id', message: `'${raw.slice(0, 40)}' is not a grading run id (a positive whole number)` },
  ]);
}
