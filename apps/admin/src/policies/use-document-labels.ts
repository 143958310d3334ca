import type { PolicyDocument } from './policy-types';
import { useLocalizedLabel } from '../policy-labels';

export interface DocumentLabels {
  fact(name: string): string;
  enumValue(fact: string, value: string): string;
  tier(id: string): string;
  criterion(id: string): string;
  treatmentRule(id: string): string;
}

/**
 * Names from one version's own bilingual labels, in the console's language: a draft may add facts or
 * tiers the version in force does not have. Falls back to the raw name.
 */
export function useDocumentLabels(document: Partial<PolicyDocument> | undefined): DocumentLabels {
  const localized = useLocalizedLabel();
  return {
    fact: (name) => localized(document?.facts?.[name]?.label, name),
    enumValue: (fact, value) => localized(document?.facts?.[fact]?.enumLabels?.[value], value),
    tier: (id) => localized(document?.grading?.tiers?.find((tier) => tier.id === id)?.label, id),
    criterion: (id) => localized(document?.grading?.scorecard?.find((criterion) => criterion.id === id)?.label, id),
    treatmentRule: (id) => localized(document?.treatments?.find((rule) => rule.id === id)?.label, id),
  };
}
