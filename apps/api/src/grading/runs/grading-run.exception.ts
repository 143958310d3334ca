import { DomainException } from '../../common/domain.exception.js';
import { ErrorCode } from '../../common/error-code.js';

export function gradingRunNotFound(id: string): DomainException {
  return new DomainException(ErrorCode.GradingRunNotFound, `there is no grading run ${id}`);
}

/** Only the grading policy grades stored customers; any other is for simulations. */
export function policyNotGrading(policyId: string, gradingPolicyId: string): DomainException {
  return new DomainException(
    ErrorCode.PolicyNotGrading,
    `policy '${policyId}' does not grade customers ('${gradingPolicyId}' does); simulate its versions instead, or make it the grading policy`,
    [{ path: '/policyId', message: `'${policyId}' is not the grading policy` }],
  );
}
