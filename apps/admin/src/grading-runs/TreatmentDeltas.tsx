import { List, ListItem } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { TreatmentTally } from './grading-run';
import { treatmentDeltaLines } from './treatment-deltas';

/** What a change costs in fees and capacity, as sentences ("+12 accounts charged the fee (+HKD 480 a month)"). */
export function TreatmentDeltas({ tally }: { tally: TreatmentTally }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <List dense aria-label={translate('tierwise.gradingRuns.treatments.title')}>
      {treatmentDeltaLines(tally, locale).map((line) => (
        <ListItem key={line.key} disableGutters>
          {translate(line.key, line.args)}
        </ListItem>
      ))}
    </List>
  );
}
