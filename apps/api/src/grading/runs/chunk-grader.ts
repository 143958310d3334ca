import { createHash } from 'node:crypto';
import type { Decision } from '@tierwise/policy';
import type { PolicyInForce } from '../../policies/policy-in-force.js';
import { evaluateGrading, gradingInputs, sameStanding } from '../grading-inputs.js';
import type { ChunkTime, RegradedCustomer } from '../regrade.repository.js';
import type { RunKind } from './grading-run.js';
import type { ChunkCustomer } from './grading-runs.repository.js';
import { countMove, emptyTally, type RunTally } from './run-tally.js';
import { countTreatments } from './treatment-tally.js';

export interface GradedChunk {
  tally: RunTally;
  /** Decisions whose content or standing changed: rewritten (a grading run only). */
  rewritten: RegradedCustomer[];
  /** Customers whose tier changed: one tier-history row each (a grading run only). */
  moved: RegradedCustomer[];
  failures: { customerId: string; reason: string }[];
}

/**
 * One chunk's customers evaluated under the run's version at the chunk's grading
 * time, each from its stored standing (downgrade protection): pure, no I/O. A
 * customer whose facts do not fit the version is a failure of the run (named
 * with the reason), and keeps its stored decision.
 */
export function gradeChunk(policy: PolicyInForce, customers: readonly ChunkCustomer[], kind: RunKind, time: ChunkTime): GradedChunk {
  const graded: GradedChunk = { tally: emptyTally(kind === 'simulation'), rewritten: [], moved: [], failures: [] };
  for (const customer of customers) {
    // A standing read for a customer this chunk saw ungraded was stored meanwhile: this is its first grading here.
    const standing = customer.tier === undefined ? undefined : time.standings.get(customer.id);
    const inputs = gradingInputs(time.at, standing, customer.tierOverride, customer.populationFacts);
    const result = evaluateGrading(policy.compiled, customer.id, customer.facts, inputs);
    if (!result.ok) {
      graded.tally.failed += 1;
      graded.failures.push({ customerId: customer.id, reason: result.errors.map((error) => `${error.path}: ${error.message}`).join('; ') });
      continue;
    }
    const { decision } = result;
    const next = result.standing ?? null;
    countMove(graded.tally, customer.tier, decision.tier);
    if (kind === 'simulation') {
      countTreatments(graded.tally.treatments!, (customer.decision as Decision | null) ?? null, decision);
      continue;
    }
    const regraded = { customerId: customer.id, facts: customer.facts, previousTier: customer.tier, decision, standing: next, inputs };
    if (fingerprint(decision) !== customer.decisionMd5 || !sameStanding(standing, next)) graded.rewritten.push(regraded);
    if (customer.tier === undefined || customer.tier !== decision.tier) graded.moved.push(regraded);
  }
  graded.tally.decisionsWritten = graded.rewritten.length;
  return graded;
}

// The stored decision is json (its text kept as written), so the md5 of what would be written
// tells whether rewriting it would change anything.
function fingerprint(decision: Decision): string {
  return createHash('md5').update(JSON.stringify(decision)).digest('hex');
}
