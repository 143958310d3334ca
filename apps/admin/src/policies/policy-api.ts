import { requestJson } from '../api/http-client';
import type {
  CreatePolicyRequest,
  Policy,
  PolicyDiff,
  PolicyTestInput,
  PolicyTestResult,
  PolicyUpdate,
  PolicyUpdateResult,
  PolicyVersion,
  PublishResult,
} from './policy-types';

// The policy routes react-admin's data provider does not cover (one version with its document, test, diff,
// publish, rollback, drafts; creating a policy and switching or scheduling its grading, whose answers say more).
// Hooks call these; components never build a URL.

const policyPath = (policyId: string) => `/policies/${encodeURIComponent(policyId)}`;
const versionsPath = (policyId: string) => `${policyPath(policyId)}/versions`;

export function createPolicy(request: CreatePolicyRequest): Promise<Policy> {
  return requestJson<Policy>('/policies', { method: 'POST', body: JSON.stringify(request) });
}

/** `{ grading: true }` answers the run that re-grades everyone; `{ schedule }` is refused with 400 if not a cron. */
export function updatePolicy(policyId: string, update: PolicyUpdate): Promise<PolicyUpdateResult> {
  return requestJson<PolicyUpdateResult>(policyPath(policyId), { method: 'PATCH', body: JSON.stringify(update) });
}

const versionPath = (policyId: string, version: number) => `${versionsPath(policyId)}/${version}`;

export function fetchVersion(policyId: string, version: number): Promise<PolicyVersion> {
  return requestJson<PolicyVersion>(versionPath(policyId, version));
}

export function testVersion(policyId: string, version: number, input: PolicyTestInput): Promise<PolicyTestResult> {
  return requestJson<PolicyTestResult>(`${versionPath(policyId, version)}/test`, { method: 'POST', body: JSON.stringify(input) });
}

export function fetchDiff(policyId: string, from: number, to: number): Promise<PolicyDiff> {
  return requestJson<PolicyDiff>(`${policyPath(policyId)}/diff?from=${from}&to=${to}`);
}

/** `supersedes` and `revision` say what the publisher reviewed: the api refuses if either moved since. */
export function publishVersion(
  policyId: string,
  version: number,
  expected: { supersedes: number | null; revision: number },
): Promise<PublishResult> {
  return requestJson<PublishResult>(`${versionPath(policyId, version)}/publish`, { method: 'POST', body: JSON.stringify(expected) });
}

export function rollbackToVersion(policyId: string, version: number, expected: { supersedes: number | null }): Promise<PublishResult> {
  const body = expected.supersedes === null ? {} : { supersedes: expected.supersedes };
  return requestJson<PublishResult>(`${versionPath(policyId, version)}/rollback`, { method: 'POST', body: JSON.stringify(body) });
}

export function createDraftFrom(policyId: string, copyOf: number): Promise<PolicyVersion> {
  return requestJson<PolicyVersion>(versionsPath(policyId), { method: 'POST', body: JSON.stringify({ copyOf }) });
}

export function discardDraft(policyId: string, version: number, revision: number): Promise<PolicyVersion> {
  // Fastify refuses an empty body sent as JSON: no body, no Content-Type.
  return requestJson<PolicyVersion>(versionPath(policyId, version), {
    method: 'DELETE',
    headers: new Headers({ Accept: 'application/json', 'If-Match': `"${revision}"` }),
  });
}
