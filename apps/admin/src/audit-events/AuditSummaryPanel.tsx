import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { usePolicyLabels } from '../policy-labels';
import { displayValue, splitSummary, type ChangeRow } from './audit-changes';
import type { AuditEvent } from './audit-event';

/** The expanded row: what changed, before and after, then the rest of the summary and the request id. */
export function AuditSummaryPanel() {
  const event = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  const labels = usePolicyLabels();
  if (!event) return null;
  const { changes, details } = splitSummary(event.summary);
  const fieldName = (row: ChangeRow) =>
    row.path.length === 0
      ? translate('tierwise.auditEvents.summary.wholeRecord')
      : row.path[0] === 'facts' && row.path.length === 2
        ? labels.factLabel(row.path[1] ?? '')
        : row.path.map((part) => summaryKeyName(part)).join(' › ');
  const summaryKeyName = (key: string) => translate(`tierwise.auditEvents.summary.keys.${key}`, { _: key });
  const side = (row: ChangeRow, which: 'before' | 'after') =>
    which in row ? displayValue(row[which]) : translate('tierwise.auditEvents.summary.absent');
  return (
    <Box sx={{ py: 1 }} aria-label={translate('tierwise.auditEvents.summary.label', { id: event.id })} role="region">
      {changes.length > 0 && (
        <Table size="small" aria-label={translate('tierwise.auditEvents.summary.changes')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('tierwise.auditEvents.summary.field')}</TableCell>
              <TableCell>{translate('tierwise.auditEvents.summary.before')}</TableCell>
              <TableCell>{translate('tierwise.auditEvents.summary.after')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {changes.map((row) => (
              <TableRow key={row.path.join('/')}>
                <TableCell component="th" scope="row">
                  {fieldName(row)}
                </TableCell>
                <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'pre-wrap' }}>{side(row, 'before')}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'pre-wrap' }}>{side(row, 'after')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {changes.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('tierwise.auditEvents.summary.noChanges')}
        </Typography>
      )}
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, mt: 1, mb: 0 }}>
        {details.map(([key, value]) => (
          <Detail key={key} name={summaryKeyName(key)} value={displayValue(value)} />
        ))}
        <Detail name={translate('tierwise.auditEvents.fields.requestId')} value={event.requestId ?? '—'} />
      </Box>
    </Box>
  );
}

function Detail({ name, value }: { name: string; value: string }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {name}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, fontFamily: 'monospace', wordBreak: 'break-all' }}>
        {value}
      </Typography>
    </>
  );
}
