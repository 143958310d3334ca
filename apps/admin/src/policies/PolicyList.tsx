import { Datagrid, DateField, FunctionField, List, NumberField, SearchInput, TextField, useTranslate } from 'react-admin';
import type { Policy } from './policy-types';
import { useLocalizedLabel } from '../policy-labels';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

/** Every policy with the version customers are graded by now. */
export function PolicyList() {
  const translate = useTranslate();
  const localized = useLocalizedLabel();
  const versionOrNone = (version: number | null) => (version === null ? translate('tierwise.policies.notPublished') : `v${version}`);
  return (
    <List sort={{ field: 'id', order: 'ASC' }} filters={filters} exporter={false}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="id" label="tierwise.policies.fields.id" />
        <FunctionField<Policy>
          label="tierwise.policies.fields.name"
          sortable={false}
          render={(policy) => localized(policy.name, policy.id)}
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
      </Datagrid>
    </List>
  );
}
