import type { GradingRunDto } from './dto/grading-run.dto.js';
import type { GradingRun } from './grading-run.js';

export function toGradingRunDto(run: GradingRun): GradingRunDto {
  const { tally } = run;
  return {
    id: Number(run.id),
    kind: run.kind,
    cause: run.cause,
    status: run.status,
    policy: { id: run.policyId, version: run.policyVersion, hash: run.policyHash },
    filter: run.filter,
    total: run.total,
    evaluated: tally.evaluated,
    changed: tally.changed,
    failed: tally.failed,
    decisionsWritten: tally.decisionsWritten,
    tiers: { before: tally.before, after: tally.after },
    migration: tally.migration,
    treatments: tally.treatments ?? null,
    population: run.population,
    error: run.error,
    supersededBy: run.supersededBy === null ? null : Number(run.supersededBy),
    startedBy: run.startedBy,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
