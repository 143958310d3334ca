import { Injectable } from '@nestjs/common';
import type { CompiledPolicy } from '@tierwise/policy';
import type { EntityManager } from 'typeorm';
import { RegradeRepository } from './regrade.repository.js';
import { pinnedTiersMissing } from './tier-override.exception.js';

// How many customers pinned to a vanished tier a refusal names: the publisher clears each by hand.
const LISTED_PINNED = 50;

/**
 * A tier set by hand survives every grading, so a version about to grade the
 * customers (published, or its policy made the grading one) must still have it.
 * Checked up front (a partial index holds the pinned customers): left to the
 * run, those customers would fail one by one.
 */
@Injectable()
export class PinnedTiersCheck {
  constructor(private readonly customers: RegradeRepository) {}

  async refuseMissing(manager: EntityManager, policy: { policyId: string; version: number }, compiled: CompiledPolicy): Promise<void> {
    const tiers = compiled.document.grading.tiers.map((tier) => tier.id);
    const pinned = await this.customers.findPinnedOutside(manager, tiers, LISTED_PINNED);
    if (pinned.total > 0) throw pinnedTiersMissing(policy, tiers, pinned.total, pinned.listed);
  }
}
