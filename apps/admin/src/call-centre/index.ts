export { CallCentrePage } from './CallCentrePage';
export { DecisionCard, type DecisionCardProps } from './DecisionCard';
export { useCustomerLookup, type CustomerLookup, type LookupState } from './use-customer-lookup';
export type { StoredDecision, GradingCause } from './stored-decision';
