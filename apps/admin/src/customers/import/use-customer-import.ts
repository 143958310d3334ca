import { useCallback, useEffect, useRef, useState } from 'react';
import { useLogoutIfAccessDenied, useRefresh } from 'react-admin';
import { HttpError } from 'react-admin';
import type { ImportMediaType, ImportProblem, ImportResult } from './import-file';
import { uploadImport } from './upload-import';

export type ImportState =
  | { phase: 'ready' }
  | { phase: 'uploading'; fraction: number | null }
  | { phase: 'processing' }
  | { phase: 'imported'; result: ImportResult }
  | { phase: 'rejected'; problem: ImportProblem }
  | { phase: 'failed'; message: string };

/** One import at a time: upload progress, then the api's answer; the list is refreshed after an accepted import. */
export function useCustomerImport() {
  const [state, setState] = useState<ImportState>({ phase: 'ready' });
  const inFlight = useRef<AbortController | null>(null);
  const refresh = useRefresh();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  useEffect(() => () => inFlight.current?.abort(), []);

  const start = useCallback(
    async (file: File, mediaType: ImportMediaType) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setState({ phase: 'uploading', fraction: null });
      try {
        const outcome = await uploadImport(
          file,
          mediaType,
          {
            onProgress: (fraction) => setState({ phase: 'uploading', fraction }),
            onUploaded: () => setState({ phase: 'processing' }),
          },
          controller.signal,
        );
        if (outcome.ok) {
          setState({ phase: 'imported', result: outcome.result });
          refresh();
        } else {
          if (outcome.problem.status === 401) await logoutIfAccessDenied(new HttpError('', 401));
          setState({ phase: 'rejected', problem: outcome.problem });
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    },
    [refresh, logoutIfAccessDenied],
  );

  const reset = useCallback(() => {
    inFlight.current?.abort();
    setState({ phase: 'ready' });
  }, []);

  return { state, start, reset };
}
