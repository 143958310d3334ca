import { Injectable } from '@nestjs/common';
import type { Decision } from '@tierwise/policy';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import { decide } from '../grading/decide.js';
import { ActivePolicyService } from '../policies/active-policy.service.js';
import { DecisionCache } from './decision-cache.js';
import type { EvaluateInput } from './dto/evaluate.input.js';
import { TierAssignmentRepository } from './tier-assignment.repository.js';

@Injectable()
export class DecisionsService {
  constructor(
    private readonly assignments: TierAssignmentRepository,
    private readonly policies: ActivePolicyService,
    private readonly cache: DecisionCache,
  ) {}

  /**
   * The call-centre path: the stored decision as JSON text (see StoredDecisionDto),
   * from memory when this instance holds it, else one indexed read; no rule evaluation.
   */
  async storedJson(customerId: string): Promise<string> {
    const cached = this.cache.get(customerId);
    if (cached !== undefined) return cached;
    const ticket = this.cache.ticket();
    const found = await this.assignments.findDecisionJson(customerId);
    if (!found) throw DomainException.customerNotFound(customerId);
    if (found.body === null) throw new DomainException(ErrorCode.DecisionNotFound, `customer '${customerId}' has not been graded yet`);
    this.cache.store(customerId, found.body, ticket);
    return found.body;
  }

  /** What-if: a decision for any facts, under the active or a named version; nothing is stored. */
  async evaluate(input: EvaluateInput): Promise<Decision> {
    const policy = input.policyVersion === null ? await this.policies.active() : await this.policies.version(input.policyVersion);
    return decide(policy, input.customerId, input.facts);
  }
}
