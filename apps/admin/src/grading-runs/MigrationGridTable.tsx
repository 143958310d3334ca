import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { GradingRun } from './grading-run';
import { buildMigrationGrid } from './migration-grid';
import { TierName } from './TierName';

/** Who moved where: a row per tier before, a column per tier after; the shaded diagonal kept their tier. */
export function MigrationGridTable({ run, tierOrder }: { run: GradingRun; tierOrder: readonly string[] }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`tierwise.gradingRuns.migration.${key}`);
  const grid = buildMigrationGrid(run.migration, tierOrder);
  if (grid.tiers.length === 0) return <Typography>{t('empty')}</Typography>;
  const tier = (id: string) => <TierName tier={id} policyId={run.policy.id} />;
  return (
    <Table size="small" aria-label={t('title')} sx={{ width: 'auto' }}>
      <TableHead>
        <TableRow>
          <TableCell>{t('corner')}</TableCell>
          {grid.tiers.map((to) => (
            <TableCell key={to} align="right" scope="col">
              {tier(to)}
            </TableCell>
          ))}
          <TableCell align="right">{t('totalBefore')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {grid.tiers.map((from, row) => (
          <TableRow key={from}>
            <TableCell component="th" scope="row">
              {tier(from)}
            </TableCell>
            {grid.cells[row]!.map((count, column) => (
              <TableCell
                key={grid.tiers[column]}
                align="right"
                sx={row === column ? { bgcolor: 'action.selected', fontWeight: 600 } : undefined}
                data-diagonal={row === column || undefined}
              >
                {count}
              </TableCell>
            ))}
            <TableCell align="right">{grid.rowTotals[row]}</TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell component="th" scope="row">
            {t('totalAfter')}
          </TableCell>
          {grid.columnTotals.map((count, column) => (
            <TableCell key={grid.tiers[column]} align="right">
              {count}
            </TableCell>
          ))}
          <TableCell align="right">{grid.total}</TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}
