import type { Decision, Finding, Label, PolicyChange, RuleTrace } from '@tierwise/policy';
import type { PolicyVersionStatus } from '../policy-version.entity.js';

export interface PolicyDto {
  id: string;
  name: Label;
  createdAt: string;
  /** The version customers are graded by; null before the first publication. */
  publishedVersion: number | null;
  publishedHash: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  latestVersion: number | null;
  drafts: number;
  /** Whether this policy grades the stored customers: exactly one does. */
  grading: boolean;
  /** When its scheduled grading runs start (cron, UTC), while it grades. */
  schedule: string;
}

/** PATCH /policies/{id}: the policy, and the run that re-grades every customer when it became the grading policy. */
export interface PolicyUpdateResultDto extends PolicyDto {
  gradingRun: { id: number } | null;
}

export interface LintSummaryDto {
  errors: number;
  warnings: number;
}

/** A version as lists show it: everything but the document. `id` is the version number (react-admin needs an id). */
export interface PolicyVersionSummaryDto {
  id: number;
  policyId: string;
  version: number;
  status: PolicyVersionStatus;
  /** Pinned at publication; null for a draft. */
  hash: string | null;
  revision: number;
  lint: LintSummaryDto;
  basedOn: number | null;
  baseVersion: number | null;
  note: string | null;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  publishedBy: string | null;
  publishedAt: string | null;
  supersededAt: string | null;
}

export interface PolicyVersionDto extends PolicyVersionSummaryDto {
  document: unknown;
  lintFindings: Finding[];
}

export interface PublishResultDto {
  version: PolicyVersionDto;
  /** The version that was in force before, now superseded. */
  superseded: number | null;
  /** The run re-grading every customer under the new version (follow it at /grading-runs/{id}); null when the policy grades nobody. */
  gradingRun: { id: number } | null;
}

export interface PolicyTestResultDto {
  policyId: string;
  version: number;
  status: PolicyVersionStatus;
  decision: Decision;
  trace: RuleTrace[];
  /** The version's lint warnings: they do not stop a test, but the author should see them. */
  warnings: Finding[];
}

export interface PolicyDiffDto {
  policyId: string;
  from: number;
  to: number;
  changes: PolicyChange[];
  summary: string[];
}
