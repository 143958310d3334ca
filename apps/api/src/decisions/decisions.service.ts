import { Injectable } from '@nestjs/common';
import type { Decision } from '@tierwise/policy';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import { CustomersRepository } from '../customers/customers.repository.js';
import { decide } from '../grading/decide.js';
import { ActivePolicyService } from '../policies/active-policy.service.js';
import { toStoredDecisionDto } from './decision.mapper.js';
import type { EvaluateInput } from './dto/evaluate.input.js';
import type { StoredDecisionDto } from './dto/stored-decision.dto.js';
import { TierAssignmentRepository } from './tier-assignment.repository.js';

@Injectable()
export class DecisionsService {
  constructor(
    private readonly assignments: TierAssignmentRepository,
    private readonly customers: CustomersRepository,
    private readonly policies: ActivePolicyService,
  ) {}

  /** The call-centre path: one primary-key read, no rule evaluation. */
  async stored(customerId: string): Promise<StoredDecisionDto> {
    const assignment = await this.assignments.findByCustomer(customerId);
    if (assignment) return toStoredDecisionDto(assignment);
    // Only on the miss: say whether the customer is unknown or merely ungraded.
    if (!(await this.customers.exists(customerId))) throw DomainException.customerNotFound(customerId);
    throw new DomainException(ErrorCode.DecisionNotFound, `customer '${customerId}' has not been graded yet`);
  }

  /** What-if: a decision for any facts, under the active or a named version; nothing is stored. */
  async evaluate(input: EvaluateInput): Promise<Decision> {
    const policy = input.policyVersion === null ? await this.policies.active() : await this.policies.version(input.policyVersion);
    return decide(policy, input.customerId, input.facts);
  }
}
