import { useTranslate } from 'react-admin';
import { usePolicyLabels } from '../policy-labels';

/** "B -> A" in the policy's own tier labels; the first grading has no "from". */
export function TierChangeField({ from, to, policyId }: { from: string | null; to: string | null; policyId: string }) {
  const translate = useTranslate();
  const labels = usePolicyLabels(policyId);
  const none = translate('tierwise.tierHistory.noTier');
  const fromText = from === null ? translate('tierwise.tierHistory.firstGrading') : labels.tierLabel(from);
  const toText = to === null ? none : labels.tierLabel(to);
  return (
    <span aria-label={translate('tierwise.tierHistory.change', { from: fromText, to: toText })}>
      {fromText} → <strong>{toText}</strong>
    </span>
  );
}
