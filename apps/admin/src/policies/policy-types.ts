import type { ConditionTrace, Decision, FactDefinition, Finding, Label, PolicyChange, PolicyDocument, RuleTrace } from '@tierwise/policy';

// What the policy routes of the api answer (apps/api/src/policies/dto/policy.dto.ts), as the console reads them.

export type { ConditionTrace, Decision, FactDefinition, Finding, Label, PolicyChange, PolicyDocument, RuleTrace };

export type PolicyVersionStatus = 'draft' | 'published' | 'superseded' | 'discarded';

export interface Policy {
  id: string;
  name: Label;
  createdAt: string;
  publishedVersion: number | null;
  publishedHash: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  latestVersion: number | null;
  drafts: number;
  /** Whether this policy grades the stored customers: exactly one does. */
  grading: boolean;
  /** When its scheduled grading runs start while it grades: a cron of five fields, in UTC ("0 2 1 * *"). */
  schedule: string;
}

/** POST /policies: version 1 is a draft of the document, or an empty skeleton without one. */
export interface CreatePolicyRequest {
  id: string;
  name?: Label;
  document?: Record<string, unknown>;
}

/** PATCH /policies/{id}: make it the grading policy, and/or set its schedule. */
export interface PolicyUpdate {
  grading?: true;
  schedule?: string;
}

/** What PATCH /policies/{id} answers: the policy, and the run re-grading everyone when it became the grading policy. */
export interface PolicyUpdateResult extends Policy {
  gradingRun: { id: number } | null;
}

export interface PolicyVersionSummary {
  /** The version number: react-admin needs an id. */
  id: number;
  policyId: string;
  version: number;
  status: PolicyVersionStatus;
  hash: string | null;
  revision: number;
  lint: { errors: number; warnings: number };
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

export interface PolicyVersion extends PolicyVersionSummary {
  /** A draft may not (yet) be a valid policy: read it defensively. */
  document: Partial<PolicyDocument>;
  lintFindings: Finding[];
}

export interface PolicyTestResult {
  policyId: string;
  version: number;
  status: PolicyVersionStatus;
  decision: Decision;
  trace: RuleTrace[];
  warnings: Finding[];
}

/** What publish and rollback answer at once: the customers are re-graded afterwards by the grading run. */
export interface PublishResult {
  version: PolicyVersion;
  superseded: number | null;
  /** The run re-grading every customer (follow it at GET /grading-runs/{id}); null when the policy grades nobody. */
  gradingRun: { id: number } | null;
}

export interface PolicyDiff {
  policyId: string;
  from: number;
  to: number;
  changes: PolicyChange[];
  summary: string[];
}

/** The test body: facts typed by hand, or a stored customer. */
export type PolicyTestInput = { facts: Record<string, unknown> } | { customerId: string };
