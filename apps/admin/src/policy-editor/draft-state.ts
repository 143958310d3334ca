import type { PolicyDocument } from '@tierwise/policy';
import { useCallback, useState } from 'react';

// One draft, two views: the form edits `document`; the JSON tab edits `jsonText`, which becomes the
// document whenever it parses. Text that does not parse is kept as typed and blocks the form view.

export interface DraftState {
  document: PolicyDocument;
  jsonText: string;
  /** The parse error of jsonText, if it is not JSON (or not an object). */
  jsonError: string | null;
  /** The revision this edit started from: what Save sends. */
  baseRevision: number;
  dirty: boolean;
}

export const formatJson = (document: unknown) => JSON.stringify(document, null, 2);

function initialState(document: PolicyDocument, revision: number): DraftState {
  return { document, jsonText: formatJson(document), jsonError: null, baseRevision: revision, dirty: false };
}

export function parseDocument(text: string): { document: PolicyDocument } | { error: string } {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { error: 'the policy must be a JSON object' };
    return { document: parsed as PolicyDocument };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export function useDraftState(document: PolicyDocument, revision: number) {
  const [state, setState] = useState(() => initialState(document, revision));

  /** A form edit: the mutator changes a copy of the document. */
  const edit = useCallback((mutate: (draft: PolicyDocument) => void) => {
    setState((current) => {
      const next = structuredClone(current.document);
      mutate(next);
      return { ...current, document: next, jsonText: formatJson(next), jsonError: null, dirty: true };
    });
  }, []);

  const setJsonText = useCallback((text: string) => {
    setState((current) => {
      const parsed = parseDocument(text);
      return 'error' in parsed
        ? { ...current, jsonText: text, jsonError: parsed.error, dirty: true }
        : { ...current, jsonText: text, jsonError: null, document: parsed.document, dirty: true };
    });
  }, []);

  /** Saved (or theirs loaded): the new base revision, and optionally a document replacing ours. */
  const rebase = useCallback((revision: number, replacement?: PolicyDocument) => {
    setState((current) => (replacement ? initialState(replacement, revision) : { ...current, baseRevision: revision, dirty: false }));
  }, []);

  return { state, edit, setJsonText, rebase };
}
