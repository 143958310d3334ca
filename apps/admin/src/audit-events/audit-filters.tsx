import { DateInput, SelectArrayInput, TextInput } from 'react-admin';
import { auditActionChoices } from './audit-actions';

// The filters GET /audit-events and its export take (apps/api/src/audit/audit-list-query.ts); actor and target match exactly.
export const auditFilters = [
  <SelectArrayInput key="action" source="action" label="tierwise.auditEvents.filters.action" choices={auditActionChoices} alwaysOn />,
  <TextInput
    key="actor"
    source="actor"
    label="tierwise.auditEvents.filters.actor"
    helperText="tierwise.auditEvents.filters.actorHelp"
    alwaysOn
  />,
  <DateInput key="from" source="from" label="tierwise.auditEvents.filters.from" alwaysOn />,
  <DateInput key="to" source="to" label="tierwise.auditEvents.filters.to" alwaysOn />,
  <TextInput
    key="target"
    source="target"
    label="tierwise.auditEvents.filters.target"
    helperText="tierwise.auditEvents.filters.targetHelp"
  />,
];
