import { DataTable, FilterButton, List, TopToolbar, useTranslate } from 'react-admin';
import { WhenField } from '../tier-history/WhenField';
import { ActorField } from '../users/ActorField';
import { auditActionKey } from './audit-actions';
import type { AuditEvent } from './audit-event';
import { auditFilters } from './audit-filters';
import { AuditSummaryPanel } from './AuditSummaryPanel';
import { AuditTargetField } from './AuditTargetField';
import { ExportCsvButton } from '../csv-export/ExportCsvButton';
import { auditExportUrl } from './audit-export';

const Col = DataTable.Col<AuditEvent>;

function AuditActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <ExportCsvButton
        exportUrl={auditExportUrl}
        fallbackName="audit-events.csv"
        label="tierwise.auditEvents.export.button"
        failedMessage="tierwise.auditEvents.export.failed"
      />
    </TopToolbar>
  );
}

/** Who did what and when. A row expands to what changed; its target links to the customer, version or user. */
export function AuditEventList() {
  const translate = useTranslate();
  return (
    <List
      filters={auditFilters}
      sort={{ field: 'at', order: 'DESC' }}
      perPage={25}
      exporter={false}
      actions={<AuditActions />}
      title="tierwise.auditEvents.title"
    >
      <DataTable rowClick="expand" expand={<AuditSummaryPanel />} bulkActionButtons={false}>
        <Col source="at" label="tierwise.auditEvents.fields.at" render={(event) => <WhenField at={event.at} />} />
        <Col source="actor" label="tierwise.auditEvents.fields.actor" render={(event) => <ActorField actor={event.actor} />} />
        <Col
          source="action"
          label="tierwise.auditEvents.fields.action"
          render={(event) => <span title={event.action}>{translate(auditActionKey(event.action), { _: event.action })}</span>}
        />
        <Col source="target" label="tierwise.auditEvents.fields.target" render={(event) => <AuditTargetField target={event.target} />} />
      </DataTable>
    </List>
  );
}
