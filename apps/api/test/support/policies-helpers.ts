import { waitForRun, type RunBody } from './grading-runs.js';
import type { Role } from '../../src/auth/role.js';
import { authHeaders } from './auth.js';
import type { TestApp } from './test-app.js';

// Policy documents and calls for the policy specs. Documents are built from the
// seed policy as the API serves it (version 1), changed by intent.

export type PolicyDocument = Record<string, unknown> & {
  id: string;
  version: number;
  facts: Record<string, Record<string, unknown>>;
  grading: { scorecard?: Record<string, unknown>[]; tiers: { id: string; label: unknown; conditions?: unknown }[] };
  treatments?: Record<string, unknown>[];
};

const BASE = '/api/v1/policies/default';

export async function seedDocument(t: TestApp): Promise<PolicyDocument> {
  const response = await call(t, 'auditor', 'GET', `${BASE}/versions/1`);
  if (response.statusCode !== 200) throw new Error(`version 1 is not readable: ${response.body}`);
  return response.json<{ document: PolicyDocument }>().document;
}

/** A copy of `document` changed by `change`; the original is left alone. */
export function policyVariant(document: PolicyDocument, change: (copy: PolicyDocument) => void): PolicyDocument {
  const copy = structuredClone(document);
  change(copy);
  return copy;
}

/** The seed policy with tier A starting at `threshold` points instead of 75. */
export function withTierAThreshold(document: PolicyDocument, threshold: number): PolicyDocument {
  return policyVariant(document, (copy) => {
    copy.grading.tiers[0]!.conditions = { all: [{ fact: 'score', operator: 'greaterThanInclusive', value: threshold }] };
  });
}

/** A lint error: tier A reads a fact the policy does not define. */
export function withUnknownFact(document: PolicyDocument): PolicyDocument {
  return policyVariant(document, (copy) => {
    copy.grading.tiers[0]!.conditions = { all: [{ fact: 'turnover', operator: 'greaterThan', value: 1 }] };
  });
}

export async function call(
  t: TestApp,
  role: Role,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  return t.app.inject({
    method,
    url,
    headers: { ...(await authHeaders(t, role)), ...headers },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

export interface VersionBody {
  version: number;
  status: string;
  revision: number;
  hash: string | null;
  document: PolicyDocument;
  lintFindings: { severity: string; path: string; message: string }[];
  lint: { errors: number; warnings: number };
}

/** Creates a draft (201 expected) and returns it. */
export async function createDraft(t: TestApp, body: Record<string, unknown>): Promise<VersionBody> {
  const response = await call(t, 'author', 'POST', `${BASE}/versions`, body);
  if (response.statusCode !== 201) throw new Error(`draft not created: ${response.statusCode} ${response.body}`);
  return response.json<VersionBody>();
}

/** A draft holding `document`, saved once after creation (so it went through an edit). */
export async function draftOf(t: TestApp, document: PolicyDocument): Promise<VersionBody> {
  const draft = await createDraft(t, { copyOf: 1 });
  const saved = await saveDraft(t, draft.version, { document, revision: draft.revision });
  if (saved.statusCode !== 200) throw new Error(`draft not saved: ${saved.statusCode} ${saved.body}`);
  return saved.json<VersionBody>();
}

export function saveDraft(t: TestApp, version: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return call(t, 'author', 'PUT', `${BASE}/versions/${version}`, body, headers);
}

/** Publishes, and once published waits for the grading run it started, so customers are graded by the new version. */
export async function publish(t: TestApp, version: number, body: Record<string, unknown> = {}) {
  const response = await call(t, 'publisher', 'POST', `${BASE}/versions/${version}/publish`, body);
  if (response.statusCode === 200) await waitForPublication(t, response.json<{ gradingRun: { id: number } | null }>());
  return response;
}

/** Waits for the grading run of a publication or rollback answer, if it started one. */
export async function waitForPublication(t: TestApp, answer: { gradingRun: { id: number } | null }): Promise<RunBody | null> {
  return answer.gradingRun ? waitForRun(t, answer.gradingRun.id) : null;
}

export function testVersion(t: TestApp, version: number, body: Record<string, unknown>) {
  return call(t, 'author', 'POST', `${BASE}/versions/${version}/test`, body);
}

export async function storedDecision(t: TestApp, customerId: string) {
  const response = await call(t, 'agent', 'GET', `/api/v1/decisions/${customerId}`);
  if (response.statusCode !== 200) throw new Error(`no decision for ${customerId}: ${response.body}`);
  return response.json<{ tier: string; score: number; cause: string; policy: { id: string; version: number; hash: string } }>();
}
