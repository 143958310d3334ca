import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { Button, useListContext, useNotify } from 'react-admin';
import { downloadTierHistoryCsv } from './tier-history-export';

/** "Export CSV": every entry the current filters select, in the current sort, from the api (not just the page in the browser). */
export function ExportTierHistoryCsvButton() {
  const list = useListContext();
  const { sort, total } = list;
  const filterValues = list.filterValues as Record<string, unknown>;
  const notify = useNotify();
  const [exporting, setExporting] = useState(false);
  const exportCsv = () => {
    setExporting(true);
    downloadTierHistoryCsv(filterValues, sort)
      .catch((error: unknown) =>
        notify('tierwise.tierHistory.export.failed', {
          type: 'error',
          messageArgs: { reason: error instanceof Error ? error.message : String(error) },
        }),
      )
      .finally(() => setExporting(false));
  };
  return (
    <Button label="tierwise.tierHistory.export.button" onClick={exportCsv} disabled={exporting || total === 0}>
      <DownloadIcon />
    </Button>
  );
}
