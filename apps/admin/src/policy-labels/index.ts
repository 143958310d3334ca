export { usePolicyLabels, type PolicyLabels } from './use-policy-labels';
export { usePolicyInForceDocument } from './use-policy-in-force-document';
export { labelIn, useLocalizedLabel } from './localized-label';
