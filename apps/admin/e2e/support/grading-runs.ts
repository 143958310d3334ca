import type { ApiClient } from './api-client';

/** A grading run as GET /grading-runs/{id} answers it: what the e2e specs compare the console with. */
export interface RunView {
  id: number;
  kind: 'grade' | 'simulation';
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  policy: { id: string; version: number };
  evaluated: number;
  changed: number;
  migration: Record<string, Record<string, number>>;
  treatments: {
    before: Record<'feeCharged' | 'dedicatedAccountManagers' | 'greenChannel' | 'blacklisted', number>;
    after: Record<'feeCharged' | 'dedicatedAccountManagers' | 'greenChannel' | 'blacklisted', number>;
  } | null;
}

/** Reads the run until it has finished (the api grades in-process in the e2e app), failing after `timeoutMs`. */
export async function finishedRun(client: ApiClient, id: number, timeoutMs = 60_000): Promise<RunView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await client.request<RunView>('GET', `/grading-runs/${id}`);
    if (run.status === 'succeeded' || run.status === 'failed') return run;
    if (Date.now() > deadline) throw new Error(`grading run ${id} still ${run.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Makes a policy the grading one through the api and waits for the run that re-grades everyone (none if it already grades). */
export async function makeGrading(client: ApiClient, policyId: string): Promise<void> {
  const result = await client.request<{ gradingRun: { id: number } | null }>('PATCH', `/policies/${policyId}`, { grading: true });
  if (result.gradingRun) await finishedRun(client, result.gradingRun.id);
}
