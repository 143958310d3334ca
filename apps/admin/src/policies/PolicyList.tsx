import { Datagrid, DateField, FunctionField, List, NumberField, SearchInput, TextField, useTranslate } from 'react-admin';
import { GradingChip } from './GradingChip';
import type { Policy } from './policy-types';
import { PolicyListActions } from './PolicyListActions';
import { ScheduleText } from './ScheduleText';
import { useLocalizedLabel } from '../policy-labels';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

/** Every policy with its version in force, which one grades the customers and when its scheduled runs start. */
export function PolicyList() {
  const translate = useTranslate();
  const localized = useLocalizedLabel();
  const versionOrNone = (version: number | null) => (version === null ? translate('tierwise.policies.notPublished') : `v${version}`);
  return (
    <List sort={{ field: 'id', order: 'ASC' }} filters={filters} exporter={false} actions={<PolicyListActions />}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="id" label="tierwise.policies.fields.id" />
        <FunctionField<Policy>
          label="tierwise.policies.fields.name"
          sortable={false}
          render={(policy) => localized(policy.name, policy.id)}
        />
        <FunctionField<Policy>
          label="tierwise.policies.fields.grading"
          sortable={false}
          render={(policy) => (policy.grading ? <GradingChip /> : null)}
        />
        <FunctionField<Policy>
          source="publishedVersion"
          label="tierwise.policies.fields.inForce"
          render={(policy) => versionOrNone(policy.publishedVersion)}
        />
        <DateField source="publishedAt" label="tierwise.policies.fields.publishedAt" showTime emptyText="—" />
        <TextField source="publishedBy" label="tierwise.policies.fields.publishedBy" emptyText="—" />
        <NumberField source="drafts" label="tierwise.policies.fields.drafts" />
        <FunctionField<Policy>
          source="latestVersion"
          label="tierwise.policies.fields.latestVersion"
          render={(policy) => versionOrNone(policy.latestVersion)}
        />
        <FunctionField<Policy>
          label="tierwise.policies.fields.schedule"
          sortable={false}
          render={(policy) => <ScheduleText cron={policy.schedule} />}
        />
      </Datagrid>
    </List>
  );
}
