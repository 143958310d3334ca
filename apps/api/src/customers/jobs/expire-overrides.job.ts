import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DomainException } from '../../common/domain.exception.js';
import type { JobHandler } from '../../jobs/job-handler.js';
import type { Schedule } from '../../jobs/job-queue.js';
import { LOGGER } from '../../logging/logger.token.js';
import { CustomersRepository } from '../customers.repository.js';
import { TierOverrideService } from '../tier-override.service.js';

/** Nothing to say: every override whose time is up, whoever set it. */
export type ExpireOverridesPayload = Record<string, never>;

// Every minute, UTC: an override's expiresAt is a moment a person chose ("until the end of the
// trial"), and agents read the tier on every call, so a lapsed tier should not linger for long;
// when nothing has expired a run is one indexed query over the few customers kept by hand.
export const EXPIRE_OVERRIDES_SCHEDULE: Schedule = { key: 'expire-tier-overrides', cron: '* * * * *' };

// Candidates read per query; each is then cleared in a transaction of its own, as a DELETE is.
const BATCH = 100;

/**
 * Clears every tier set by hand whose expiresAt has passed: the customer is
 * graded by the rules again under the version in force (cause 'manual-override',
 * actor 'system'), with an audit event, exactly as a DELETE would. Idempotent and
 * safe to run on several workers at once: each customer is cleared only if its
 * row, locked, still holds an expired override (TierOverrideService.expire).
 */
@Injectable()
export class ExpireOverridesJob implements JobHandler<ExpireOverridesPayload> {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly overrides: TierOverrideService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(): Promise<void> {
    let cleared = 0;
    // Keyset by id, so a customer left alone this time (see below) never holds the run up.
    for (let after = ''; ;) {
      const ids = await this.customers.expiredOverrideIds(after, BATCH);
      if (ids.length === 0) break;
      for (const id of ids) {
        try {
          if (await this.overrides.expire(id)) cleared++;
        } catch (error) {
          // What a DELETE would refuse too (no policy in force, one that ranks the whole population,
          // facts the version in force rejects): the override stays, and the next run tries again.
          if (!(error instanceof DomainException)) throw error;
          this.logger.warn({ err: error, customerId: id }, 'expired tier override not cleared; the next run tries again');
        }
      }
      after = ids[ids.length - 1]!;
    }
    if (cleared > 0) this.logger.info({ cleared }, 'expired tier overrides cleared');
  }
}
