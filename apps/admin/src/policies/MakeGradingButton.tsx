import HowToRegIcon from '@mui/icons-material/HowToReg';
import { Button } from '@mui/material';
import { useState } from 'react';
import { Confirm, useTranslate } from 'react-admin';
import { useLocalizedLabel } from '../policy-labels';
import { MakeGradingConsequences } from './MakeGradingConsequences';
import type { Policy } from './policy-types';
import type { useMakeGrading } from './use-policy-grading';

/** "Make this the grading policy", after a confirmation that says every customer will be re-graded. */
export function MakeGradingButton({ policy, makeGrading }: { policy: Policy; makeGrading: ReturnType<typeof useMakeGrading> }) {
  const translate = useTranslate();
  const localized = useLocalizedLabel();
  const [open, setOpen] = useState(false);
  const close = () => {
    setOpen(false);
    makeGrading.reset();
  };
  return (
    <>
      <Button variant="outlined" startIcon={<HowToRegIcon />} onClick={() => setOpen(true)}>
        {translate('tierwise.policies.grading.make')}
      </Button>
      <Confirm
        isOpen={open}
        loading={makeGrading.isPending}
        title="tierwise.policies.grading.confirmTitle"
        titleTranslateOptions={{ policy: localized(policy.name, policy.id) }}
        confirmColor="warning"
        content={<MakeGradingConsequences policy={policy} error={makeGrading.error} />}
        onConfirm={() => makeGrading.mutate(undefined, { onSuccess: () => setOpen(false) })}
        onClose={close}
      />
    </>
  );
}
