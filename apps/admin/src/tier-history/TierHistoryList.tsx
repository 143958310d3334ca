import { DataTable, FilterButton, List, TopToolbar, useTranslate, type RowClickFunction } from 'react-admin';
import { ActorField } from '../users/ActorField';
import { customerPath } from './console-paths';
import { ExportCsvButton } from '../csv-export/ExportCsvButton';
import { tierHistoryExportUrl } from './tier-history-export';
import { PolicyVersionLink } from './PolicyVersionLink';
import { RowLink } from './RowLink';
import { tierHistoryFilters } from './tier-history-filters';
import type { TierHistoryEntry } from './tier-history-entry';
import { TierChangeField } from './TierChangeField';
import { WhenField } from './WhenField';

const Col = DataTable.Col<TierHistoryEntry>;

// A row is about one customer: clicking it opens that customer.
const openCustomer: RowClickFunction<TierHistoryEntry> = (_id, _resource, record) => customerPath(record.customerId);

function TierHistoryActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <ExportCsvButton
        exportUrl={tierHistoryExportUrl}
        fallbackName="tier-history.csv"
        label="tierwise.tierHistory.export.button"
        failedMessage="tierwise.tierHistory.export.failed"
      />
    </TopToolbar>
  );
}

/**
 * Every customer's tier changes, filtered, sorted and paged by the api. Export CSV asks the api for
 * the file (ExportCsvButton); react-admin's client-side exporter, which would pull the whole
 * table into the browser page by page, stays off.
 */
export function TierHistoryList() {
  const translate = useTranslate();
  return (
    <List
      filters={tierHistoryFilters}
      sort={{ field: 'at', order: 'DESC' }}
      perPage={25}
      exporter={false}
      actions={<TierHistoryActions />}
      title="tierwise.tierHistory.title"
    >
      <DataTable rowClick={openCustomer} bulkActionButtons={false}>
        <Col source="at" label="tierwise.tierHistory.fields.at" render={(entry) => <WhenField at={entry.at} />} />
        <Col
          source="customerId"
          label="tierwise.tierHistory.fields.customer"
          render={(entry) => (
            <RowLink to={customerPath(entry.customerId)} label={translate('tierwise.tierHistory.openCustomer', { id: entry.customerId })}>
              {entry.customerId}
            </RowLink>
          )}
        />
        <Col
          source="newTier"
          label="tierwise.tierHistory.fields.change"
          render={(entry) => <TierChangeField from={entry.previousTier} to={entry.newTier} policyId={entry.policy.id} />}
        />
        <DataTable.NumberCol source="score" label="tierwise.tierHistory.fields.score" />
        <Col
          source="cause"
          label="tierwise.tierHistory.fields.cause"
          render={(entry) => translate(`tierwise.tierHistory.cause.${entry.cause}`)}
        />
        <Col
          source="policyVersion"
          label="tierwise.tierHistory.fields.policyVersion"
          render={(entry) => <PolicyVersionLink policyId={entry.policy.id} version={entry.policy.version} />}
        />
        <Col source="actor" label="tierwise.tierHistory.fields.actor" disableSort render={(entry) => <ActorField actor={entry.actor} />} />
      </DataTable>
    </List>
  );
}
