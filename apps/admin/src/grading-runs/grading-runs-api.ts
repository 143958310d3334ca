import { API_URL, httpClient, requestJson } from '../api/http-client';
import type { GradingRun, GradingRunFailure, StartRunRequest } from './grading-run';

// The grading-run routes outside react-admin's data provider: one run read by the polling hooks,
// its failures (they have no id, so they are not a react-admin resource), starting a run, and a simulation.

export const gradingRunPath = (id: number) => `/grading-runs/${id}`;

export function fetchRun(id: number): Promise<GradingRun> {
  return requestJson<GradingRun>(gradingRunPath(id));
}

export function startRun(request: StartRunRequest): Promise<GradingRun> {
  return requestJson<GradingRun>('/grading-runs', { method: 'POST', body: JSON.stringify(request) });
}

/** Runs a version (a draft, typically) over the real population without writing a decision: 202 with the run. */
export function simulateVersion(policyId: string, version: number): Promise<GradingRun> {
  // fetchJson sends JSON's Content-Type on every POST, and Fastify refuses it with an empty body: send `{}`.
  const path = `/policies/${encodeURIComponent(policyId)}/versions/${version}/simulate`;
  return requestJson<GradingRun>(path, { method: 'POST', body: '{}' });
}

/** The newest simulation of one version, or null when it was never simulated. */
export async function fetchLatestSimulation(policyId: string, version: number): Promise<GradingRun | null> {
  const query = listQuery({ kind: 'simulation', policyId, policyVersion: version }, ['id', 'DESC'], [0, 0]);
  const runs = await requestJson<GradingRun[]>(`/grading-runs?${query}`);
  return runs[0] ?? null;
}

export interface FailurePage {
  items: GradingRunFailure[];
  total: number;
}

/** One page of a run's failures (page counted from 0), with the total from Content-Range. */
export async function fetchFailures(id: number, page: number, perPage: number): Promise<FailurePage> {
  const start = page * perPage;
  const query = listQuery({}, ['customerId', 'ASC'], [start, start + perPage - 1]);
  const response = await httpClient(`${API_URL}${gradingRunPath(id)}/failures?${query}`);
  const items = response.json as GradingRunFailure[];
  const headers = response.headers;
  return { items, total: contentRangeTotal(headers.get('content-range')) ?? start + items.length };
}

/** The N of "failures 0-24/N"; null when the header is missing or says nothing about the total ("*"). */
export function contentRangeTotal(header: string | null): number | null {
  const match = header ? /\/(\d+)\s*$/.exec(header) : null;
  return match ? Number(match[1]) : null;
}

function listQuery(filter: Record<string, unknown>, sort: [string, 'ASC' | 'DESC'], range: [number, number]): string {
  return new URLSearchParams({ filter: JSON.stringify(filter), sort: JSON.stringify(sort), range: JSON.stringify(range) }).toString();
}
