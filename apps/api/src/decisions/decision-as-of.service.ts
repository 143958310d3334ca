import { Injectable } from '@nestjs/common';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import { CustomersRepository } from '../customers/customers.repository.js';
import { DecisionLogRepository } from '../grading/decision-log.repository.js';
import { evaluateGrading } from '../grading/grading-inputs.js';
import { ActivePolicyService } from '../policies/active-policy.service.js';
import type { StoredDecisionDto } from './dto/stored-decision.dto.js';

/**
 * The decision in force at a past moment: the customer's latest decision change
 * at or before it (decision_log), evaluated again from what it was made of (its
 * facts, inputs and policy version), so it comes back as it was served then.
 */
@Injectable()
export class DecisionAsOfService {
  constructor(
    private readonly log: DecisionLogRepository,
    private readonly customers: CustomersRepository,
    private readonly policies: ActivePolicyService,
  ) {}

  async inForceAt(customerId: string, asOf: Date): Promise<StoredDecisionDto> {
    const entry = await this.log.inForceAt(customerId, asOf);
    if (!entry) {
      if (!(await this.customers.exists(customerId))) throw DomainException.customerNotFound(customerId);
      throw new DomainException(ErrorCode.DecisionNotFound, `customer '${customerId}' had not been graded yet at ${asOf.toISOString()}`);
    }
    const policy = await this.policies.versionOf(entry.policyId, entry.policyVersion);
    const result = evaluateGrading(policy.compiled, customerId, entry.facts, entry.inputs);
    // What was stored evaluated then; failing now would mean the stored version or log changed.
    if (policy.hash !== entry.policyHash || !result.ok) {
      throw new Error(
        `the decision of customer '${customerId}' logged at ${entry.at} cannot be evaluated again under ${entry.policyId} v${entry.policyVersion}`,
      );
    }
    return { id: customerId, ...result.decision, gradedAt: entry.at, cause: entry.cause };
  }
}
