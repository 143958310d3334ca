import { Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { GradingRun } from './grading-run';
import { MigrationGridTable } from './MigrationGridTable';
import { OutcomeSection } from './OutcomeSection';
import { TierCountsTable } from './TierCountsTable';
import { TreatmentDeltas } from './TreatmentDeltas';

/** What a run found: customers per tier before and after, the migration grid, and (simulations) what it costs. */
export function RunOutcome({ run, tierOrder }: { run: GradingRun; tierOrder: readonly string[] }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start', my: 1 }}>
      <OutcomeSection title={translate('tierwise.gradingRuns.tierCounts.title')}>
        <TierCountsTable run={run} tierOrder={tierOrder} />
      </OutcomeSection>
      <OutcomeSection title={translate('tierwise.gradingRuns.migration.title')}>
        <MigrationGridTable run={run} tierOrder={tierOrder} />
      </OutcomeSection>
      {run.treatments && (
        <OutcomeSection title={translate('tierwise.gradingRuns.treatments.title')}>
          <TreatmentDeltas tally={run.treatments} />
        </OutcomeSection>
      )}
    </Stack>
  );
}
