import type { PolicyDocument } from '@tierwise/policy';
import { requestJson } from '../api/http-client';

/** GET /policies/{id}/versions/{version}, as far as the editor reads it. */
export interface PolicyVersionRecord {
  id: number;
  policyId: string;
  version: number;
  status: 'draft' | 'published' | 'superseded' | 'discarded';
  revision: number;
  document: PolicyDocument;
  updatedBy?: string;
  updatedAt?: string;
}

const versionPath = (policyId: string, version: number) => `/policies/${encodeURIComponent(policyId)}/versions/${version}`;

export function fetchVersion(policyId: string, version: number): Promise<PolicyVersionRecord> {
  return requestJson<PolicyVersionRecord>(versionPath(policyId, version));
}

/** Saves a draft from the revision the edit started at; the api answers 409 draft-conflict when someone saved since. */
export function saveDraft(policyId: string, version: number, document: unknown, revision: number): Promise<PolicyVersionRecord> {
  return requestJson<PolicyVersionRecord>(versionPath(policyId, version), {
    method: 'PUT',
    body: JSON.stringify({ document, revision }),
  });
}

export function createDraftFrom(policyId: string, version: number): Promise<PolicyVersionRecord> {
  return requestJson<PolicyVersionRecord>(`/policies/${encodeURIComponent(policyId)}/versions`, {
    method: 'POST',
    body: JSON.stringify({ copyOf: version }),
  });
}
