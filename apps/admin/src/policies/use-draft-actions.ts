import { useMutation } from '@tanstack/react-query';
import { useNotify } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { createDraftFrom, discardDraft } from './policy-api';
import { useRefreshPolicy } from './use-policy-queries';

export const versionPagePath = (policyId: string, version: number) => `/policies/${encodeURIComponent(policyId)}/versions/${version}`;
export const draftEditorPath = (policyId: string, version: number) => `${versionPagePath(policyId, version)}/edit`;
export const diffPagePath = (policyId: string, from?: number, to?: number) => {
  const query = new URLSearchParams();
  if (from !== undefined) query.set('from', String(from));
  if (to !== undefined) query.set('to', String(to));
  const search = query.toString();
  return `/policies/${encodeURIComponent(policyId)}/diff${search ? `?${search}` : ''}`;
};

/** A new draft as a copy of any version; the author lands in the draft editor. */
export function useNewDraft(policyId: string) {
  const refresh = useRefreshPolicy(policyId);
  const notify = useNotify();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (copyOf: number) => createDraftFrom(policyId, copyOf),
    onSuccess: async (draft, copyOf) => {
      await refresh();
      notify('tierwise.policies.notify.draftCreated', { type: 'success', messageArgs: { version: draft.version, from: copyOf } });
      void navigate(draftEditorPath(policyId, draft.version));
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
}

/** Discard a draft (kept as discarded, its number never reused), only if nobody saved it since it was read. */
export function useDiscardDraft(policyId: string) {
  const refresh = useRefreshPolicy(policyId);
  const notify = useNotify();
  return useMutation({
    mutationFn: ({ version, revision }: { version: number; revision: number }) => discardDraft(policyId, version, revision),
    onSuccess: async (discarded) => {
      await refresh();
      notify('tierwise.policies.notify.draftDiscarded', { type: 'info', messageArgs: { version: discarded.version } });
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
}
