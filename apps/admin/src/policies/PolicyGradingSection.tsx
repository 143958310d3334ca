import { Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { canPublishPolicies } from '../auth/capabilities';
import { useRole } from '../auth/use-role';
import { EditScheduleButton } from './EditScheduleButton';
import { GradingChip } from './GradingChip';
import { GradingSwitchResult } from './GradingSwitchResult';
import { LabelledValue } from './LabelledValue';
import { MakeGradingButton } from './MakeGradingButton';
import type { Policy } from './policy-types';
import { ScheduleText } from './ScheduleText';
import { useMakeGrading } from './use-policy-grading';

/**
 * Whether this policy grades the customers and when its scheduled runs start; publishers change the schedule
 * and make a published policy the grading one, then follow the run that re-grades everyone. The switch is
 * held here, not in its button: the button goes once the policy grades, the run it started is still followed.
 */
export function PolicyGradingSection({ policy }: { policy: Policy }) {
  const translate = useTranslate();
  const publisher = canPublishPolicies(useRole());
  const makeGrading = useMakeGrading(policy.id);
  return (
    <>
      <Stack direction="row" spacing={4} sx={{ my: 2, alignItems: 'flex-end' }} flexWrap="wrap" useFlexGap>
        <LabelledValue label={translate('tierwise.policies.fields.grading')}>
          {policy.grading ? <GradingChip /> : translate('tierwise.policies.grading.notGrading')}
        </LabelledValue>
        <LabelledValue label={translate('tierwise.policies.fields.schedule')}>
          <ScheduleText cron={policy.schedule} />
        </LabelledValue>
        {publisher && <EditScheduleButton policy={policy} />}
        {publisher && policy.publishedVersion !== null && !policy.grading && (
          <MakeGradingButton policy={policy} makeGrading={makeGrading} />
        )}
      </Stack>
      {makeGrading.data && <GradingSwitchResult result={makeGrading.data} onClose={() => makeGrading.reset()} />}
    </>
  );
}
