import { requestJson } from '../api/http-client';

// The answers of GET /dashboard/tiers and /dashboard/value-matrix (apps/api src/dashboard/dto).

export interface TierSlice {
  tier: string;
  customers: number;
  customerShare: number;
  value: number;
  valueShare: number;
}

export interface DashboardTiers {
  policy: { id: string; version: number } | null;
  valueFact: string;
  customers: number;
  graded: number;
  ungraded: number;
  untiered: number;
  totalValue: number;
  tiers: TierSlice[];
}

export interface MatrixAxis {
  fact: string;
  edges: number[];
  split: number;
  splitRule: string;
}

export type QuadrantName =
  'high-value-high-potential' | 'high-value-low-potential' | 'low-value-high-potential' | 'low-value-low-potential';

export interface ValueMatrix {
  value: MatrixAxis;
  potential: MatrixAxis;
  customers: number;
  withoutFacts: number;
  counts: number[][];
  quadrants: { quadrant: QuadrantName; customers: number }[];
}

export interface RecentPublication {
  policyId: string;
  version: number;
  status: string;
  publishedAt: string | null;
  publishedBy: string | null;
}

export interface RecentOverride {
  id: number;
  customerId: string;
  previousTier: string | null;
  newTier: string | null;
  actor: string;
  at: string;
}

const list = (sort: [string, string], range: [number, number], filter: Record<string, unknown>) =>
  new URLSearchParams({ sort: JSON.stringify(sort), range: JSON.stringify(range), filter: JSON.stringify(filter) }).toString();

export const fetchTiers = () => requestJson<DashboardTiers>('/dashboard/tiers');
export const fetchValueMatrix = () => requestJson<ValueMatrix>('/dashboard/value-matrix');

/** The latest versions of a policy that were put in force (published now or earlier), newest first. */
export const fetchRecentPublications = (policyId: string) =>
  requestJson<RecentPublication[]>(
    `/policies/${encodeURIComponent(policyId)}/versions?${list(['version', 'DESC'], [0, 4], { status: ['published', 'superseded'] })}`,
  );

/** The latest tier changes made by hand (tier-history, cause manual-override), newest first. */
export const fetchRecentOverrides = () =>
  requestJson<RecentOverride[]>(`/tier-history?${list(['at', 'DESC'], [0, 4], { cause: 'manual-override' })}`);

/** A bin's label: "1k-2k", the last one open ("100M+"). */
export function binLabel(edges: readonly number[], index: number): string {
  const from = edges[index]!;
  const to = edges[index + 1];
  return to === undefined ? `${short(from)}+` : `${short(from)}-${short(to)}`;
}

function short(value: number): string {
  if (value >= 1e6) return `${value / 1e6}M`;
  if (value >= 1e3) return `${value / 1e3}k`;
  return String(value);
}
