import { Alert, Box, DialogContentText } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useGradingPolicy } from '../policy-labels';
import type { Policy } from './policy-types';
import { useCustomerCount } from './use-policy-queries';

/** What switching the grading policy does, said before it is done: which rules grade from now on, and that everyone is re-graded. */
export function MakeGradingConsequences({ policy, error }: { policy: Policy; error: Error | null }) {
  const translate = useTranslate();
  const customers = useCustomerCount(true);
  const current = useGradingPolicy().data;
  const args = { policy: policy.id, version: policy.publishedVersion ?? '', current: current?.id ?? '' };
  return (
    <Box>
      <DialogContentText>
        {translate(current ? 'tierwise.policies.grading.willGradeInstead' : 'tierwise.policies.grading.willGrade', args)}
      </DialogContentText>
      <DialogContentText sx={{ mt: 1 }}>
        {customers === undefined
          ? translate('tierwise.policies.publication.regradeEveryone')
          : translate('tierwise.policies.publication.regradeCount', { smart_count: customers })}
      </DialogContentText>
      <DialogContentText sx={{ mt: 1 }}>{translate('tierwise.policies.grading.labelsFollow')}</DialogContentText>
      {error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {error.message}
        </Alert>
      )}
    </Box>
  );
}
