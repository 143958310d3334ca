import { Injectable } from '@nestjs/common';
import { evaluate, Population, validateRecord, type CompiledPolicy, type RecordError } from '@tierwise/policy';
import type { EntityManager } from 'typeorm';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import type { FieldError } from '../common/field-error.js';
import type { GradingCause } from './grading-cause.js';
import { pinnedTiersMissing } from './tier-override.exception.js';
import { RegradeRepository, type RegradedCustomer, type StoredCustomer } from './regrade.repository.js';

/** A released version to grade every stored customer with. */
export interface RegradePolicy {
  policyId: string;
  version: number;
  hash: string;
  compiled: CompiledPolicy;
}

export interface RegradeSummary {
  customers: number;
  tierChanges: number;
  /** "B->A": how many customers moved that way ("none" for no tier / never graded). */
  transitions: Record<string, number>;
  /** Customers per tier after the re-grade. */
  tiers: Record<string, number>;
}

// Customers read, graded and written per round trip: bounded memory at any population size.
export const REGRADE_CHUNK = 1000;
// How many ungradable customers a refusal names (it always says how many there are).
const SAMPLE_CUSTOMERS = 5;
// How many customers pinned to a vanished tier a refusal names: the publisher clears each by hand.
const LISTED_PINNED = 50;

/**
 * Grades every stored customer with one released version, inside the caller's
 * transaction: each customer's decision is replaced and a tier_history row is
 * appended where the tier changed. If any stored customer's facts do not fit the
 * version's fact catalogue, it throws (422, how many and the first few) and the
 * caller's transaction rolls everything back.
 */
@Injectable()
export class RegradeService {
  constructor(private readonly customers: RegradeRepository) {}

  async regradeAll(
    manager: EntityManager,
    policy: RegradePolicy,
    context: { cause: GradingCause; actor: string },
    chunkSize = REGRADE_CHUNK,
  ): Promise<RegradeSummary> {
    const stamp = { policyId: policy.policyId, policyVersion: policy.version, policyHash: policy.hash, ...context };
    await this.refuseVanishedPinnedTiers(manager, policy);
    const misfits = new Misfits();
    // Relative grading (ranks, shares) needs the whole population before anyone is graded.
    const population =
      policy.compiled.population.size > 0 ? await this.collectPopulation(manager, policy.compiled, misfits, chunkSize) : undefined;
    const summary: RegradeSummary = { customers: 0, tierChanges: 0, transitions: {}, tiers: {} };

    for await (const chunk of this.chunks(manager, chunkSize)) {
      const graded: RegradedCustomer[] = [];
      for (const customer of chunk) {
        const result = evaluate(
          policy.compiled,
          { ...customer.facts, customerId: customer.id },
          {
            ...(population ? { population } : {}),
            ...(customer.tierOverride ? { tierOverride: customer.tierOverride } : {}),
          },
        );
        if (!result.ok) misfits.add(customer.id, result.errors);
        else graded.push({ customerId: customer.id, facts: customer.facts, previousTier: customer.tier, decision: result.decision });
      }
      // Once one customer cannot be graded the whole re-grade will be refused: stop writing, keep counting.
      if (misfits.count > 0) continue;
      const changed = graded.filter((customer) => customer.previousTier === undefined || customer.previousTier !== customer.decision.tier);
      await this.customers.storeDecisions(manager, stamp, graded);
      await this.customers.appendHistory(manager, stamp, changed);
      summary.customers += graded.length;
      summary.tierChanges += changed.length;
      for (const customer of changed)
        increment(summary.transitions, `${customer.previousTier ?? 'none'}->${customer.decision.tier ?? 'none'}`);
      for (const customer of graded) increment(summary.tiers, customer.decision.tier ?? 'none');
    }
    if (misfits.count > 0) throw misfits.refusal(policy);
    return summary;
  }

  /**
   * A tier set by hand is kept through every re-grade, so the new version must
   * still have it. Checked up front: were it left to evaluation, those customers
   * would be reported as facts that do not fit, which is not what is wrong.
   */
  private async refuseVanishedPinnedTiers(manager: EntityManager, policy: RegradePolicy): Promise<void> {
    const tiers = policy.compiled.document.grading.tiers.map((tier) => tier.id);
    const pinned = await this.customers.findPinnedOutside(manager, tiers, LISTED_PINNED);
    if (pinned.total > 0) throw pinnedTiersMissing(policy, tiers, pinned.total, pinned.listed);
  }

  private async collectPopulation(
    manager: EntityManager,
    compiled: CompiledPolicy,
    misfits: Misfits,
    chunkSize: number,
  ): Promise<Population> {
    const collector = Population.collector(compiled);
    for await (const chunk of this.chunks(manager, chunkSize)) {
      for (const customer of chunk) {
        const check = validateRecord(customer.facts, compiled.catalogue);
        if (check.ok) collector.add(check.facts);
        else misfits.add(customer.id, check.errors);
      }
    }
    if (misfits.count > 0) throw misfits.refusal({ policyId: compiled.ref.id, version: compiled.ref.version ?? 0 });
    return collector.finish();
  }

  private async *chunks(manager: EntityManager, size: number): AsyncGenerator<StoredCustomer[]> {
    let after: string | null = null;
    for (;;) {
      const chunk = await this.customers.readChunk(manager, after, size);
      if (chunk.length > 0) yield chunk;
      if (chunk.length < size) return;
      after = chunk[chunk.length - 1]!.id;
    }
  }
}

class Misfits {
  count = 0;
  private readonly samples: { customerId: string; errors: readonly RecordError[] }[] = [];

  add(customerId: string, errors: readonly RecordError[]): void {
    this.count += 1;
    if (this.samples.length < SAMPLE_CUSTOMERS) this.samples.push({ customerId, errors });
  }

  refusal(policy: { policyId: string; version: number }): DomainException {
    const errors: FieldError[] = this.samples.flatMap(({ customerId, errors }) =>
      errors.map((error) => ({ path: `/customers/${customerId}${error.path}`, message: `customer '${customerId}': ${error.message}` })),
    );
    const first = this.samples.map((sample) => sample.customerId).join(', ');
    return new DomainException(
      ErrorCode.InvalidFacts,
      `${this.count} stored customer(s) do not fit the facts of policy '${policy.policyId}' v${policy.version} ` +
        `(first: ${first}), so it cannot grade them; nothing was changed. ` +
        "Adjust the policy's facts or correct those customers, then publish again",
      errors,
    );
  }
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
