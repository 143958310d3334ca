import { useTranslate } from 'react-admin';
import { usePolicyLabels } from '../policy-labels';
import { NO_TIER } from './grading-run';

/** A tier in a table heading: its id, its label in the user's language as the tooltip; "none" as words. */
export function TierName({ tier, policyId }: { tier: string; policyId?: string }) {
  const translate = useTranslate();
  const labels = usePolicyLabels(policyId);
  if (tier === NO_TIER) return <span>{translate('tierwise.gradingRuns.noTier')}</span>;
  const label = labels.tierLabel(tier);
  return <span title={label === tier ? undefined : label}>{tier}</span>;
}
