import { describe, expect, it } from 'vitest';
import type { GradingRun, RunStatus } from './grading-run';
import { pollInterval, POLL_MS, progressPercent } from './run-progress';
import { gradingRunQuery } from './use-grading-run';

const run = (status: RunStatus, total: number | null, evaluated: number, failed = 0) => ({ status, total, evaluated, failed });

describe('polling a run', () => {
  it('goes on while the run is queued or running', () => {
    expect(pollInterval(run('queued', null, 0))).toBe(POLL_MS);
    expect(pollInterval(run('running', 500, 120))).toBe(POLL_MS);
  });

  it('stops once it has succeeded or failed', () => {
    expect(pollInterval(run('succeeded', 500, 500))).toBe(false);
    expect(pollInterval(run('failed', 500, 120))).toBe(false);
  });

  it('does not start without a run (first load, a failed load, no simulation yet)', () => {
    expect(pollInterval(undefined)).toBe(false);
    expect(pollInterval(null)).toBe(false);
  });
});

describe("the run query's refetch interval", () => {
  const interval = gradingRunQuery(7).refetchInterval;
  const state = (status: RunStatus) => ({ state: { data: { id: 7, ...run(status, 500, 0) } as GradingRun } });

  it('polls the run it reads until that run has finished', () => {
    expect((['queued', 'running', 'succeeded', 'failed'] as const).map((status) => interval(state(status)))).toEqual([
      POLL_MS,
      POLL_MS,
      false,
      false,
    ]);
    expect(interval({ state: { data: undefined } })).toBe(false);
  });
});

describe('the progress of a run', () => {
  it('counts graded and failed customers against the total', () => {
    expect(progressPercent(run('running', 500, 120, 5))).toBe(25);
  });

  it('is unknown until the run is planned, and complete once it succeeded', () => {
    expect(progressPercent(run('queued', null, 0))).toBeNull();
    expect(progressPercent(run('succeeded', 0, 0))).toBe(100);
    expect(progressPercent(run('running', 0, 0))).toBe(100);
  });
});
