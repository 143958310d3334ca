// A grading run as GET /api/v1/grading-runs/{id} answers it (apps/api/src/grading/runs/dto/grading-run.dto.ts).

export const RUN_KINDS = ['grade', 'simulation'] as const;
export type RunKind = (typeof RUN_KINDS)[number];
export const RUN_CAUSES = ['publish', 'rollback', 'schedule', 'manual'] as const;
export type RunCause = (typeof RUN_CAUSES)[number];
export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** The tier id the api uses for "graded into no tier, or never graded". */
export const NO_TIER = 'none';

/** The treatments that cost money or capacity, counted over the customers a run covered. */
export interface TreatmentCounts {
  feeCharged: number;
  /** Fees a month by currency: `{ HKD: 1240 }`. */
  monthlyFees: Record<string, number>;
  dedicatedAccountManagers: number;
  greenChannel: number;
  blacklisted: number;
}

export interface TreatmentTally {
  before: TreatmentCounts;
  after: TreatmentCounts;
  newlyCharged: number;
  noLongerCharged: number;
}

/** Per population fact: how it was computed and over how many customers. */
export interface PopulationFactSummary {
  of: string;
  measure: string;
  order: string;
  customers: number;
  total: number | null;
}

export interface GradingRun {
  id: number;
  kind: RunKind;
  cause: RunCause;
  status: RunStatus;
  /** `hash` is null for a draft (a simulation). */
  policy: { id: string; version: number; hash: string | null };
  filter: { ids?: string[]; tiers?: string[] } | null;
  /** Null until the run is planned. */
  total: number | null;
  evaluated: number;
  /** Customers whose tier changed. */
  changed: number;
  failed: number;
  decisionsWritten: number;
  tiers: { before: Record<string, number>; after: Record<string, number> };
  /** From tier -> to tier -> customers; unchanged customers on the diagonal. */
  migration: Record<string, Record<string, number>>;
  treatments: TreatmentTally | null;
  population: Record<string, PopulationFactSummary> | null;
  error: string | null;
  supersededBy: number | null;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
}

/** One customer a run could not grade (GET /grading-runs/{id}/failures). */
export interface GradingRunFailure {
  customerId: string;
  reason: string;
}

/** POST /grading-runs: every customer, or those the filter picks, under the version in force. */
export interface StartRunRequest {
  policyId?: string;
  filter?: { ids?: string[]; tiers?: string[] };
}
