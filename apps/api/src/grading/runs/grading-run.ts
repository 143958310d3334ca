import type { RunTally } from './run-tally.js';

export const RUN_KINDS = ['grade', 'simulation'] as const;
export type RunKind = (typeof RUN_KINDS)[number];
/** Why a run started: a publication, a rollback, the policy's schedule, or someone asking for it. */
export const RUN_CAUSES = ['publish', 'rollback', 'schedule', 'manual'] as const;
export type RunCause = (typeof RUN_CAUSES)[number];
export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Which customers a run grades; absent: all of them. Applied when each chunk runs. */
export interface RunFilter {
  ids?: string[];
  /** Customers currently in these tiers ("none" for customers graded into no tier or never graded). */
  tiers?: string[];
}

/** A run as stored, with the tally of its chunks so far. */
export interface GradingRun {
  id: string;
  kind: RunKind;
  cause: RunCause;
  status: RunStatus;
  policyId: string;
  policyVersion: number;
  policyHash: string | null;
  filter: RunFilter | null;
  total: number | null;
  tally: RunTally;
  /** Per population fact: how it was computed and how many customers it covered. */
  population: Record<string, unknown> | null;
  error: string | null;
  supersededBy: string | null;
  startedBy: string;
  startedAt: Date;
  finishedAt: Date | null;
}
