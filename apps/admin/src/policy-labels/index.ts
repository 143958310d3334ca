export { usePolicyLabels, type PolicyLabels } from './use-policy-labels';
export { usePolicyInForceDocument, type PolicyInForceDocument } from './use-policy-in-force-document';
export { useGradingPolicy } from './use-grading-policy';
export type { GradingPolicy } from './grading-policy';
export { labelIn, useLocalizedLabel } from './localized-label';
