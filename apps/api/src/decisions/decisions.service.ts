import { Injectable } from '@nestjs/common';
import type { Decision } from '@tierwise/policy';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import { decide } from '../grading/decide.js';
import { ActivePolicyService } from '../policies/active-policy.service.js';
import { DecisionCache } from './decision-cache.js';
import type { EvaluateInput } from './dto/evaluate.input.js';
import { TierAssignmentRepository } from './tier-assignment.repository.js';

function notGraded(customerId: string): DomainException {
  return new DomainException(ErrorCode.DecisionNotFound, `customer '${customerId}' has not been graded yet`);
}

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
    if (!found) throw await this.unknownCustomer(customerId);
    if (found.body === null) throw notGraded(customerId);
    this.cache.store(customerId, found.body, ticket);
    return found.body;
  }

  /** The same answer, found by the customer's phone number (E.164): one indexed read. */
  async storedJsonByPhone(phone: string): Promise<string> {
    const found = await this.assignments.findDecisionJsonByPhone(phone);
    if (!found) throw new DomainException(ErrorCode.CustomerNotFound, `no customer has the phone number ${phone}`);
    if (found.body === null) throw notGraded(found.id);
    return found.body;
  }

  /**
   * Ids are matched exactly (they come from the customer's own systems, where
   * C-001 and c-001 may be two customers); a miss says whether the id exists in
   * another case, in the detail and as `suggestion`, so an agent can retry.
   */
  private async unknownCustomer(customerId: string): Promise<DomainException> {
    const [suggestion] = await this.assignments.idsIgnoringCase(customerId);
    if (suggestion === undefined) return DomainException.customerNotFound(customerId);
    return new DomainException(ErrorCode.CustomerNotFound, `no customer '${customerId}'; did you mean '${suggestion}'?`, [], {
      suggestion,
    });
  }

  /** What-if: a decision for any facts, under the active or a named version; nothing is stored. */
  async evaluate(input: EvaluateInput): Promise<Decision> {
    const policy = input.policyVersion === null ? await this.policies.active() : await this.policies.version(input.policyVersion);
    return decide(policy, input.customerId, input.facts);
  }
}
