export { usePolicyLabels, type PolicyLabels } from './use-policy-labels';
