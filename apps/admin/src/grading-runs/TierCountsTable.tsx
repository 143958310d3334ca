import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { GradingRun } from './grading-run';
import { signed, tierCountRows } from './tier-counts';
import { TierName } from './TierName';

/** Customers per tier before and after a run, and the difference. */
export function TierCountsTable({ run, tierOrder }: { run: GradingRun; tierOrder: readonly string[] }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`tierwise.gradingRuns.tierCounts.${key}`);
  const rows = tierCountRows(run.tiers, tierOrder);
  return (
    <Table size="small" aria-label={t('title')} sx={{ width: 'auto' }}>
      <TableHead>
        <TableRow>
          <TableCell>{t('tier')}</TableCell>
          <TableCell align="right">{t('before')}</TableCell>
          <TableCell align="right">{t('after')}</TableCell>
          <TableCell align="right">{t('change')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.tier}>
            <TableCell component="th" scope="row">
              <TierName tier={row.tier} policyId={run.policy.id} />
            </TableCell>
            <TableCell align="right">{row.before}</TableCell>
            <TableCell align="right">{row.after}</TableCell>
            <TableCell align="right">{signed(row.delta)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
