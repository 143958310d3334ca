import { Alert, LinearProgress } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { problemOf, requestJson } from '../api/http-client';
import { DecisionCard, type StoredDecision } from '../call-centre';
import { usePolicyLabels } from '../policy-labels';

/** The stored decision (as agents see it), with the tier named in the user's language. */
export function CustomerDecision({ customerId, version }: { customerId: string; version: number }) {
  const translate = useTranslate();
  const labels = usePolicyLabels();
  // The customer's version in the key: a save or an override re-reads the decision.
  const { data, error, isPending } = useQuery({
    queryKey: ['customer-decision', customerId, version],
    queryFn: () => requestJson<StoredDecision>(`/decisions/${encodeURIComponent(customerId)}`),
    retry: false,
  });
  if (isPending) return <LinearProgress />;
  if (error) {
    const notGraded = problemOf(error)?.code === 'decision-not-found';
    return (
      <Alert severity={notGraded ? 'info' : 'error'}>{notGraded ? translate('tierwise.customers.show.notGraded') : error.message}</Alert>
    );
  }
  return <DecisionCard decision={data} tierLabel={data.tier === null ? undefined : labels.tierLabel(data.tier)} />;
}
