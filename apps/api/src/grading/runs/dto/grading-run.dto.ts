import type { RunCause, RunFilter, RunKind, RunStatus } from '../grading-run.js';
import type { TreatmentTally } from '../treatment-tally.js';

/** A grading run as the API answers it (GET /grading-runs/{id}). */
export interface GradingRunDto {
  id: number;
  kind: RunKind;
  cause: RunCause;
  status: RunStatus;
  policy: { id: string; version: number; hash: string | null };
  filter: RunFilter | null;
  /** Customers the run covers; null until it is planned. */
  total: number | null;
  evaluated: number;
  changed: number;
  failed: number;
  decisionsWritten: number;
  tiers: { before: Record<string, number>; after: Record<string, number> };
  migration: Record<string, Record<string, number>>;
  /** Simulations: the treatments that cost money or capacity, before and after. */
  treatments: TreatmentTally | null;
  population: Record<string, unknown> | null;
  error: string | null;
  supersededBy: number | null;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
}

export interface GradingRunFailureDto {
  customerId: string;
  reason: string;
}
