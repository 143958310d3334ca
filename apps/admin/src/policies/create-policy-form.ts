import { problemOf } from '../api/http-client';
import { fieldErrorsOf } from '../users/field-errors';
import type { CreatePolicyRequest } from './policy-types';

/** What the Create policy dialog holds: the document is the uploaded file's, or null for an empty skeleton. */
export interface CreatePolicyForm {
  id: string;
  nameEn: string;
  nameZh: string;
  document: Record<string, unknown> | null;
}

/** The upload read: a JSON object (a policy), or why not (a message key under tierwise.policies.create). */
export type PolicyFile = { document: Record<string, unknown> } | { error: 'notJson' | 'notAnObject' };

export function parsePolicyFile(text: string): PolicyFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { error: 'notJson' };
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? { document: parsed as Record<string, unknown> }
    : { error: 'notAnObject' };
}

/** The body of POST /policies. Without a name the api takes the document's, or the id; the api judges the rest. */
export function createPolicyRequest(form: CreatePolicyForm): CreatePolicyRequest {
  const en = form.nameEn.trim();
  const zh = form.nameZh.trim();
  return {
    id: form.id.trim(),
    ...(en === '' && zh === '' ? {} : { name: zh === '' ? { en } : { en, zh } }),
    ...(form.document === null ? {} : { document: form.document }),
  };
}

export interface CreatePolicyErrors {
  id?: string;
  name?: string;
  document?: string;
  /** What no field shows. */
  other?: string;
}

/** The api's refusal placed on the dialog's fields: its per-field problems, and an id already taken on the id. */
export function createPolicyErrors(error: Error | null): CreatePolicyErrors {
  if (!error) return {};
  const fields = fieldErrorsOf(error) ?? {};
  if (problemOf(error)?.code === 'policy-exists') return { id: error.message };
  const placed: CreatePolicyErrors = { id: fields['id'], name: fields['name'], document: fields['document'] };
  const shown = Object.values(placed).some((message) => message !== undefined);
  return shown ? placed : { other: error.message };
}
