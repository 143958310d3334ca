import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';

export function noActivePolicy(policyId: string): DomainException {
  return new DomainException(ErrorCode.NoActivePolicy, `policy '${policyId}' has no published version`);
}

export function policyVersionNotFound(policyId: string, version: number): DomainException {
  return new DomainException(ErrorCode.PolicyVersionNotFound, `policy '${policyId}' has no version ${version}`);
}

export function policyNeedsPopulation(policyId: string, version: number): DomainException {
  return new DomainException(
    ErrorCode.PolicyNotEvaluable,
    `policy '${policyId}' v${version} ranks customers against each other (population facts); ` +
      'one customer cannot be graded alone, re-grade the whole population instead',
  );
}
