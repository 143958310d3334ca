// One string code per failure a client can act on; the code, not the English
// text, is what clients branch on. Status and title live beside each code so
// the problem filter has one table to read.

export enum ErrorCode {
  InvalidRequest = 'invalid-request',
  InvalidFacts = 'invalid-facts',
  CustomerNotFound = 'customer-not-found',
  DecisionNotFound = 'decision-not-found',
  PolicyVersionNotFound = 'policy-version-not-found',
  NoActivePolicy = 'no-active-policy',
  PolicyNotEvaluable = 'policy-not-evaluable',
  VersionConflict = 'version-conflict',
  NotReady = 'not-ready',
  // Raised by the HTTP layer itself (unknown route, malformed JSON ...).
  RouteNotFound = 'route-not-found',
  HttpError = 'http-error',
  Internal = 'internal',
}

export const ERROR_STATUS: Readonly<Record<ErrorCode, { status: number; title: string }>> = {
  [ErrorCode.InvalidRequest]: { status: 400, title: 'The request is not valid' },
  [ErrorCode.InvalidFacts]: { status: 422, title: "The customer's facts do not fit the policy" },
  [ErrorCode.CustomerNotFound]: { status: 404, title: 'No such customer' },
  [ErrorCode.DecisionNotFound]: { status: 404, title: 'No decision for this customer' },
  [ErrorCode.PolicyVersionNotFound]: { status: 404, title: 'No such policy version' },
  [ErrorCode.NoActivePolicy]: { status: 503, title: 'No policy is published' },
  [ErrorCode.PolicyNotEvaluable]: { status: 409, title: 'The policy cannot grade a single customer here' },
  [ErrorCode.VersionConflict]: { status: 412, title: 'The record changed since you read it' },
  [ErrorCode.NotReady]: { status: 503, title: 'The service is not ready' },
  [ErrorCode.RouteNotFound]: { status: 404, title: 'No such route' },
  [ErrorCode.HttpError]: { status: 400, title: 'The request failed' },
  [ErrorCode.Internal]: { status: 500, title: 'Internal error' },
};
