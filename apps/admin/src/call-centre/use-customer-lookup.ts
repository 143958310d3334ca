import { useCallback, useEffect, useRef, useState } from 'react';
import { useLogoutIfAccessDenied } from 'react-admin';
import { problemOf, requestJson } from '../api/http-client';
import { decisionPath, parseLookup, type LookupTarget } from './lookup-target';
import type { StoredDecision } from './stored-decision';

export type LookupState =
  | { status: 'idle' }
  | { status: 'invalid'; input: string }
  | { status: 'loading'; target: LookupTarget }
  | { status: 'found'; target: LookupTarget; decision: StoredDecision }
  | { status: 'not-found'; target: LookupTarget; suggestion?: string }
  | { status: 'not-graded'; target: LookupTarget }
  | { status: 'failed'; target: LookupTarget; message: string };

export interface CustomerLookup {
  state: LookupState;
  /** Looks the caller up: exactly one request, or none when the input is empty or cannot be an id or phone number. */
  lookup: (input: string) => void;
  clear: () => void;
}

/** The call-centre lookup: the stored decision by customer id or phone number. Only the latest lookup's answer is shown. */
export function useCustomerLookup(): CustomerLookup {
  const [state, setState] = useState<LookupState>({ status: 'idle' });
  const inFlight = useRef<AbortController | null>(null);
  const logoutIfAccessDenied = useLogoutIfAccessDenied();

  const cancel = useCallback(() => {
    inFlight.current?.abort();
    inFlight.current = null;
  }, []);
  useEffect(() => cancel, [cancel]);

  const lookup = useCallback(
    (input: string) => {
      cancel();
      const parsed = parseLookup(input);
      if (parsed.kind === 'empty' || parsed.kind === 'invalid') {
        setState(parsed.kind === 'empty' ? { status: 'idle' } : { status: 'invalid', input: parsed.input });
        return;
      }
      const target: LookupTarget = parsed;
      const controller = new AbortController();
      inFlight.current = controller;
      setState({ status: 'loading', target });
      requestJson<StoredDecision>(decisionPath(target), { signal: controller.signal }).then(
        (decision) => {
          if (!controller.signal.aborted) setState({ status: 'found', target, decision });
        },
        async (error: unknown) => {
          if (controller.signal.aborted) return;
          setState(await failure(target, error, logoutIfAccessDenied));
        },
      );
    },
    [cancel, logoutIfAccessDenied],
  );

  const clear = useCallback(() => {
    cancel();
    setState({ status: 'idle' });
  }, [cancel]);

  return { state, lookup, clear };
}

async function failure(
  target: LookupTarget,
  error: unknown,
  logoutIfAccessDenied: (error?: unknown) => Promise<boolean>,
): Promise<LookupState> {
  const problem: { code?: string; suggestion?: unknown } | undefined = problemOf(error);
  if (problem?.code === 'customer-not-found') {
    return { status: 'not-found', target, suggestion: typeof problem.suggestion === 'string' ? problem.suggestion : undefined };
  }
  if (problem?.code === 'decision-not-found') return { status: 'not-graded', target };
  // A 401 ends the session (react-admin sends the user to the sign-in page).
  await logoutIfAccessDenied(error);
  return { status: 'failed', target, message: error instanceof Error ? error.message : String(error) };
}
