import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { problemOf } from '../api/http-client';
import type { DraftState } from './draft-state';
import { fetchVersion, saveDraft, type PolicyVersionRecord } from './policy-version-api';

/**
 * Save with optimistic concurrency: the revision the edit started from goes with the document.
 * A 409 draft-conflict loads their version beside ours; nothing is replaced until the user chooses.
 */
export function useDraftSave(
  record: PolicyVersionRecord,
  state: DraftState,
  rebase: (revision: number, replacement?: PolicyVersionRecord['document']) => void,
) {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<PolicyVersionRecord | null>(null);

  const save = async (revision = state.baseRevision) => {
    if (state.jsonError) {
      setError(translate('tierwise.policyEditor.json.invalid', { message: state.jsonError }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await saveDraft(record.policyId, record.version, state.document, revision);
      rebase(saved.revision);
      setConflict(null);
      notify(translate('tierwise.policyEditor.saved', { revision: saved.revision }), { type: 'success' });
    } catch (failure) {
      const code = problemOf(failure)?.code;
      if (code === 'draft-conflict') {
        const theirs = await fetchVersion(record.policyId, record.version).catch(() => null);
        if (theirs) setConflict(theirs);
        else setError(translate('tierwise.policyEditor.conflict.title'));
      } else if (code === 'not-a-draft') setError(translate('tierwise.policyEditor.notADraft'));
      else
        setError(translate('tierwise.policyEditor.saveFailed', { message: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setBusy(false);
    }
  };

  return {
    busy,
    error,
    conflict,
    save: () => save(),
    /** Keep mine: save again from their revision, which the server now holds. */
    overwrite: () => (conflict ? save(conflict.revision) : Promise.resolve()),
    /** Keep theirs: their document and revision replace mine. */
    loadTheirs: () => {
      if (!conflict) return;
      rebase(conflict.revision, conflict.document);
      setConflict(null);
    },
    dismissConflict: () => setConflict(null),
  };
}
