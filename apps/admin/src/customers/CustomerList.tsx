import { DataTable, DateField, List, SearchInput, SelectInput, TopToolbar, useTranslate } from 'react-admin';
import { canImportCustomers } from '../auth/capabilities';
import { useRole } from '../auth/use-role';
import { ExportCsvButton } from '../csv-export/ExportCsvButton';
import type { Customer } from './customer';
import { customersExportUrl } from './customers-export';
import { ImportCustomersButton } from './import/ImportCustomersButton';
import { OverrideMarker, TierChip } from './TierChip';
import { usePolicyInForce } from './use-policy-document';

const T = 'tierwise.customers';

// The overridden filter is a boolean on the api; a select holds text.
const parseBoolean = (value: unknown) => (value === 'true' ? true : value === 'false' ? false : undefined);
const formatBoolean = (value: unknown) => (typeof value === 'boolean' ? String(value) : '');

/** Server-side list: search, tier and override filters, sort and paging all happen in the api (one request per page). */
export function CustomerList() {
  const translate = useTranslate();
  const { tiers } = usePolicyInForce();
  const filters = [
    <SearchInput
      key="q"
      source="q"
      alwaysOn
      placeholder={translate(`${T}.list.search`)}
      slotProps={{ htmlInput: { 'aria-label': translate(`${T}.list.search`) } }}
    />,
    <SelectInput
      key="tier"
      source="tier"
      label={`${T}.fields.tier`}
      choices={tiers.map((tier) => ({ id: tier.id, name: tier.label === tier.id ? tier.id : `${tier.id} · ${tier.label}` }))}
      alwaysOn
    />,
    <SelectInput
      key="overridden"
      source="overridden"
      label={`${T}.list.overridden`}
      choices={[
        { id: 'true', name: `${T}.list.overriddenYes` },
        { id: 'false', name: `${T}.list.overriddenNo` },
      ]}
      parse={parseBoolean}
      format={formatBoolean}
      alwaysOn
    />,
  ];
  return (
    <List<Customer>
      sort={{ field: 'id', order: 'ASC' }}
      filters={filters}
      actions={<CustomerListActions />}
      perPage={25}
      // Export CSV asks the api for the file (ExportCsvButton), not react-admin's exporter, which would pull every page into the browser.
      exporter={false}
    >
      <DataTable<Customer> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="id" label={`${T}.fields.id`} />
        <DataTable.Col source="name" label={`${T}.fields.name`} />
        <DataTable.Col source="tier" label={`${T}.fields.tier`} render={(record: Customer) => <TierChip tier={record.tier} />} />
        <DataTable.NumberCol source="score" label={`${T}.fields.score`} />
        <DataTable.Col
          source="tierOverride"
          label={`${T}.fields.tierOverride`}
          disableSort
          render={(record: Customer) => <OverrideMarker override={record.tierOverride} />}
        />
        <DataTable.Col source="updatedAt" label={`${T}.fields.updatedAt`}>
          <DateField source="updatedAt" showTime />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

function CustomerListActions() {
  const role = useRole();
  return (
    <TopToolbar>
      {canImportCustomers(role) && <ImportCustomersButton />}
      <ExportCsvButton
        exportUrl={customersExportUrl}
        fallbackName="customers.csv"
        label={`${T}.export.button`}
        failedMessage={`${T}.export.failed`}
      />
    </TopToolbar>
  );
}
