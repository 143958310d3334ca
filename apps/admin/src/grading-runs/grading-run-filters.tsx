import { SelectInput } from 'react-admin';
import { RUN_KINDS, RUN_STATUSES } from './grading-run';

// GET /grading-runs takes one kind and one status (apps/api/src/grading/runs/grading-run-list-query.ts).
const kindChoices = RUN_KINDS.map((kind) => ({ id: kind, name: `tierwise.gradingRuns.kind.${kind}` }));
const statusChoices = RUN_STATUSES.map((status) => ({ id: status, name: `tierwise.gradingRuns.status.${status}` }));

export const gradingRunFilters = [
  <SelectInput key="kind" source="kind" label="tierwise.gradingRuns.fields.kind" choices={kindChoices} alwaysOn />,
  <SelectInput key="status" source="status" label="tierwise.gradingRuns.fields.status" choices={statusChoices} alwaysOn />,
];
