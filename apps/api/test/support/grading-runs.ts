import { authHeaders } from './auth.js';
import type { TestApp } from './test-app.js';

export interface RunBody {
  id: number;
  kind: string;
  cause: string;
  status: string;
  policy: { id: string; version: number; hash: string | null };
  total: number | null;
  evaluated: number;
  changed: number;
  failed: number;
  decisionsWritten: number;
  tiers: { before: Record<string, number>; after: Record<string, number> };
  migration: Record<string, Record<string, number>>;
  treatments: Record<string, unknown> | null;
  population: Record<string, { customers: number; total: number }> | null;
  error: string | null;
  supersededBy: number | null;
  startedBy: string;
  finishedAt: string | null;
}

export async function getRun(t: TestApp, id: number): Promise<RunBody> {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/grading-runs/${id}`, headers: await authHeaders(t, 'auditor') });
  if (response.statusCode !== 200) throw new Error(`run ${id}: ${response.statusCode} ${response.body}`);
  return response.json<RunBody>();
}

/** Polls the run until it has finished (succeeded or failed), and returns it; `timeoutMs` bounds a hung run, not a timing claim. */
export async function waitForRun(t: TestApp, id: number, timeoutMs = 120_000): Promise<RunBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await getRun(t, id);
    if (run.status === 'succeeded' || run.status === 'failed') return run;
    if (Date.now() > deadline) throw new Error(`run ${id} still ${run.status} after ${timeoutMs} ms: ${JSON.stringify(run)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
