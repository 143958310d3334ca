// A problem found in a policy document, located by a JSON pointer so an editor
// can underline it and a business user can read what to change.

export type FindingCode =
  | 'schema'
  | 'duplicate-id'
  | 'unknown-fact'
  | 'unknown-operator'
  | 'value-type'
  | 'unsupported-path'
  | 'invalid-fact-definition'
  | 'points-above-max'
  | 'optional-fact-in-scorecard'
  | 'band-overlap'
  | 'band-gap'
  | 'unreachable-tier'
  | 'no-catch-all-tier'
  | 'unknown-tier'
  | 'unranked-tier'
  | 'no-downgrade-limit'
  | 'no-downgrade-grace'
  | 'unknown-treatment-type';

export interface Finding {
  severity: 'error' | 'warning';
  code: FindingCode;
  /** JSON pointer into the policy document, e.g. /grading/scorecard/2/max */
  path: string;
  message: string;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}

export function pointer(...segments: (string | number)[]): string {
  return segments.map((segment) => '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function errorAt(code: FindingCode, path: (string | number)[], message: string): Finding {
  return { severity: 'error', code, path: pointer(...path), message };
}

export function warningAt(code: FindingCode, path: (string | number)[], message: string): Finding {
  return { severity: 'warning', code, path: pointer(...path), message };
}
