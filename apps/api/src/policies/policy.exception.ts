import type { Finding } from '@tierwise/policy';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';

export function noActivePolicy(policyId: string): DomainException {
  return new DomainException(ErrorCode.NoActivePolicy, `policy '${policyId}' has no published version`);
}

/** A policy made the grading policy before any version of it was published. */
export function policyNotPublished(policyId: string): DomainException {
  return new DomainException(
    ErrorCode.PolicyNotPublished,
    `policy '${policyId}' has no published version, so it cannot grade customers: publish one first (simulate it to see what it would do)`,
    [{ path: '/grading', message: `'${policyId}' has no version in force` }],
  );
}

export function policyVersionNotFound(policyId: string, version: number): DomainException {
  return new DomainException(ErrorCode.PolicyVersionNotFound, `policy '${policyId}' has no version ${version}`);
}

export function policyNeedsPopulation(policyId: string, version: number): DomainException {
  return new DomainException(
    ErrorCode.PolicyNotEvaluable,
    `policy '${policyId}' v${version} ranks customers against each other (population facts); ` +
      'one customer cannot be graded alone, re-grade the whole population instead',
  );
}

export function policyNotFound(policyId: string): DomainException {
  return new DomainException(ErrorCode.PolicyNotFound, `there is no policy '${policyId}'`);
}

/** Lint errors as field errors located in the document, e.g. /document/grading/tiers/0. */
export function policyHasLintErrors(policyId: string, version: number, findings: readonly Finding[], doing: string): DomainException {
  const errors = findings
    .filter((finding) => finding.severity === 'error')
    .map((finding) => ({ path: `/document${finding.path}`, message: finding.message }));
  return new DomainException(
    ErrorCode.PolicyHasLintErrors,
    `policy '${policyId}' v${version} has ${errors.length} lint error(s) and cannot ${doing}; correct them in the draft first`,
    errors,
  );
}

export function notADraft(row: { policyId: string; version: number; status: string }): DomainException {
  return new DomainException(
    ErrorCode.NotADraft,
    `policy '${row.policyId}' v${row.version} is ${row.status} and can no longer change; create a new draft as a copy of it instead`,
  );
}

export function draftConflict(
  row: { policyId: string; version: number; revision: number; updatedBy: string; updatedAt: Date },
  expected: number,
): DomainException {
  return new DomainException(
    ErrorCode.DraftConflict,
    `draft v${row.version} of policy '${row.policyId}' was saved by ${row.updatedBy} at ${row.updatedAt.toISOString()} ` +
      `(now revision ${row.revision}) after you opened revision ${expected}; nothing was saved. ` +
      'Reload the draft and reapply your change',
    [{ path: '/revision', message: `the current revision is ${row.revision}` }],
  );
}

export function alreadyReleased(row: {
  policyId: string;
  version: number;
  status: string;
  publishedBy: string | null;
  publishedAt: Date | null;
}): DomainException {
  const when = row.publishedAt ? ` at ${row.publishedAt.toISOString()}` : '';
  return new DomainException(
    ErrorCode.PublishConflict,
    `policy '${row.policyId}' v${row.version} was already published by ${row.publishedBy ?? 'someone'}${when} (it is now ${row.status})`,
  );
}

export function publishedMeanwhile(
  draft: { policyId: string; version: number },
  expected: number | null,
  current: { version: number; publishedBy: string | null; publishedAt: Date | null } | null,
): DomainException {
  const inForce = current
    ? `v${current.version} is in force (published by ${current.publishedBy ?? 'someone'} at ${current.publishedAt?.toISOString() ?? '?'})`
    : 'no version is in force';
  const expectedText = expected === null ? 'no version in force' : `v${expected} in force`;
  return new DomainException(
    ErrorCode.PublishConflict,
    `publishing v${draft.version} of policy '${draft.policyId}' expected ${expectedText}, but ${inForce}; nothing was changed. ` +
      `Compare v${current?.version ?? expected ?? '?'} with v${draft.version}, then publish again with "supersedes": ${current?.version ?? 'null'} to confirm`,
    [{ path: '/supersedes', message: current ? `the version in force is ${current.version}` : 'no version is in force' }],
  );
}

export function reviewedRevisionStale(
  draft: { policyId: string; version: number; revision: number; updatedBy: string; updatedAt: Date },
  reviewed: number,
): DomainException {
  return new DomainException(
    ErrorCode.DraftConflict,
    `draft v${draft.version} of policy '${draft.policyId}' was saved by ${draft.updatedBy} at ${draft.updatedAt.toISOString()} ` +
      `(now revision ${draft.revision}) after the revision ${reviewed} you reviewed; nothing was published. Review it again`,
    [{ path: '/revision', message: `the current revision is ${draft.revision}` }],
  );
}

export function policyExists(policyId: string): DomainException {
  return new DomainException(
    ErrorCode.PolicyExists,
    `a policy with id '${policyId}' already exists; choose another id, or add a version to it`,
    [{ path: '/id', message: `'${policyId}' is taken` }],
  );
}
