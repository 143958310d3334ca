import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { Button, useListContext, useNotify, type SortPayload } from 'react-admin';
import { downloadCsv } from './download-csv';

export interface ExportCsvButtonProps {
  /** The api's export address for the list's current filters and sort. */
  exportUrl: (filter: Record<string, unknown>, sort: SortPayload) => string;
  fallbackName: string;
  label: string;
  /** Translation key of the failure notice; gets `%{reason}`. */
  failedMessage: string;
}

/** "Export CSV": everything the list's filters select, from the api (not just the page in the browser). */
export function ExportCsvButton({ exportUrl, fallbackName, label, failedMessage }: ExportCsvButtonProps) {
  const list = useListContext();
  const { sort, total } = list;
  const filterValues = list.filterValues as Record<string, unknown>;
  const notify = useNotify();
  const [exporting, setExporting] = useState(false);
  const exportCsv = () => {
    setExporting(true);
    downloadCsv(exportUrl(filterValues, sort), fallbackName)
      .catch((error: unknown) =>
        notify(failedMessage, { type: 'error', messageArgs: { reason: error instanceof Error ? error.message : String(error) } }),
      )
      .finally(() => setExporting(false));
  };
  return (
    <Button label={label} onClick={exportCsv} disabled={exporting || total === 0}>
      <DownloadIcon />
    </Button>
  );
}
