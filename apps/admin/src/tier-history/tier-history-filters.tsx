import { DateInput, NumberInput, SelectArrayInput, TextInput } from 'react-admin';
import { gradingCauseChoices } from './grading-causes';

// The filters GET /tier-history takes (apps/api/src/tier-history/tier-history-list-query.ts). It has none by actor.
export const tierHistoryFilters = [
  <TextInput key="customerId" source="customerId" label="tierwise.tierHistory.filters.customerId" alwaysOn resettable />,
  <SelectArrayInput key="cause" source="cause" label="tierwise.tierHistory.filters.cause" choices={gradingCauseChoices} alwaysOn />,
  <DateInput key="from" source="from" label="tierwise.tierHistory.filters.from" alwaysOn />,
  <DateInput key="to" source="to" label="tierwise.tierHistory.filters.to" alwaysOn />,
  <TextInput key="tier" source="tier" label="tierwise.tierHistory.filters.tier" />,
  <NumberInput key="policyVersion" source="policyVersion" label="tierwise.tierHistory.filters.policyVersion" min={1} step={1} />,
];
