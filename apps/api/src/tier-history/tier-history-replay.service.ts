import { Injectable } from '@nestjs/common';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import { evaluateGrading } from '../grading/grading-inputs.js';
import { ActivePolicyService } from '../policies/active-policy.service.js';
import { replayOf, type TierHistoryReplayDto } from './tier-history-replay.js';
import { TierHistoryRepository } from './tier-history.repository.js';

/**
 * A tier history row evaluated again from its stored facts and inputs under the
 * version it names (compiled once per process, its hash checked): the auditor's
 * "can that be reproduced". Rows written before inputs were kept replay as a first
 * grading with no tier set by hand, which is what most of them were.
 */
@Injectable()
export class TierHistoryReplayService {
  constructor(
    private readonly history: TierHistoryRepository,
    private readonly policies: ActivePolicyService,
  ) {}

  async replay(id: string): Promise<TierHistoryReplayDto> {
    const row = await this.history.find(id);
    if (!row) throw new DomainException(ErrorCode.TierHistoryEntryNotFound, `there is no tier history entry ${id}`);
    const policy = await this.policies.versionOf(row.policyId, row.policyVersion);
    if (policy.hash !== row.policyHash) {
      // A released version's document is pinned by its hash: this row names another document.
      return replayOf(row, {
        ok: false,
        customerId: row.customerId,
        errors: [
          { path: '/policy/hash', message: `${row.policyId} v${row.policyVersion} hashes to ${policy.hash}, not ${row.policyHash}` },
        ],
      });
    }
    return replayOf(row, evaluateGrading(policy.compiled, row.customerId, row.facts, row.inputs));
  }
}
