import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { Button, useListContext, useNotify } from 'react-admin';
import { downloadAuditCsv } from './audit-export';

/** "Export CSV": every event matching the current filters, from the api (not just the page in the browser). */
export function ExportAuditCsvButton() {
  const list = useListContext();
  const { sort, total } = list;
  const filterValues = list.filterValues as Record<string, unknown>;
  const notify = useNotify();
  const [exporting, setExporting] = useState(false);
  const exportCsv = () => {
    setExporting(true);
    downloadAuditCsv(filterValues, sort)
      .catch((error: unknown) =>
        notify('tierwise.auditEvents.export.failed', {
          type: 'error',
          messageArgs: { reason: error instanceof Error ? error.message : String(error) },
        }),
      )
      .finally(() => setExporting(false));
  };
  return (
    <Button label="tierwise.auditEvents.export.button" onClick={exportCsv} disabled={exporting || total === 0}>
      <DownloadIcon />
    </Button>
  );
}
