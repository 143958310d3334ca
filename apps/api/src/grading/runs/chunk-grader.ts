import { createHash } from 'node:crypto';
import { evaluate, type Decision } from '@tierwise/policy';
import type { PolicyInForce } from '../../policies/policy-in-force.js';
import type { RegradedCustomer } from '../regrade.repository.js';
import type { RunKind } from './grading-run.js';
import type { ChunkCustomer } from './grading-runs.repository.js';
import { countMove, emptyTally, type RunTally } from './run-tally.js';
import { countTreatments } from './treatment-tally.js';

export interface GradedChunk {
  tally: RunTally;
  /** Decisions whose content changed: rewritten (a grading run only). */
  rewritten: RegradedCustomer[];
  /** Customers whose tier changed: one tier-history row each (a grading run only). */
  moved: RegradedCustomer[];
  failures: { customerId: string; reason: string }[];
}

/**
 * One chunk's customers evaluated under the run's version: pure, no I/O. A
 * customer whose facts do not fit the version is a failure of the run (named
 * with the reason), and keeps its stored decision.
 */
export function gradeChunk(policy: PolicyInForce, customers: readonly ChunkCustomer[], kind: RunKind): GradedChunk {
  const graded: GradedChunk = { tally: emptyTally(kind === 'simulation'), rewritten: [], moved: [], failures: [] };
  for (const customer of customers) {
    const result = evaluate(
      policy.compiled,
      { ...customer.facts, customerId: customer.id },
      {
        ...(customer.populationFacts ? { populationFacts: customer.populationFacts } : {}),
        ...(customer.tierOverride ? { tierOverride: customer.tierOverride } : {}),
      },
    );
    if (!result.ok) {
      graded.tally.failed += 1;
      graded.failures.push({ customerId: customer.id, reason: result.errors.map((error) => `${error.path}: ${error.message}`).join('; ') });
      continue;
    }
    const { decision } = result;
    countMove(graded.tally, customer.tier, decision.tier);
    if (kind === 'simulation') {
      countTreatments(graded.tally.treatments!, (customer.decision as Decision | null) ?? null, decision);
      continue;
    }
    const regraded = { customerId: customer.id, facts: customer.facts, previousTier: customer.tier, decision };
    if (fingerprint(decision) !== customer.decisionMd5) graded.rewritten.push(regraded);
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
