import { Alert, LinearProgress, Table, TableBody, TableCell, TableHead, TablePagination, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, useTranslate } from 'react-admin';
import { customerPath } from '../tier-history/console-paths';
import type { GradingRun } from './grading-run';
import { useRunFailures } from './use-run-failures';

const PER_PAGE_CHOICES = [25, 50, 100];

/** The customers a run could not grade and why, paged by the api (their stored decisions were kept). */
export function RunFailuresTable({ run }: { run: GradingRun }) {
  const translate = useTranslate();
  const t = (key: string, options?: object) => translate(`tierwise.gradingRuns.failures.${key}`, options);
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(PER_PAGE_CHOICES[0]!);
  const failures = useRunFailures(run.id, page, perPage, run.failed);
  if (run.failed === 0) return <Typography>{t('none')}</Typography>;
  if (failures.error) return <Alert severity="error">{failures.error.message}</Alert>;
  if (!failures.data) return <LinearProgress />;
  return (
    <>
      <Table size="small" aria-label={t('title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('customer')}</TableCell>
            <TableCell>{t('reason')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {failures.data.items.map((failure) => (
            <TableRow key={failure.customerId}>
              <TableCell>
                <Link to={customerPath(failure.customerId)}>{failure.customerId}</Link>
              </TableCell>
              <TableCell>{failure.reason}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={failures.data.total}
        page={page}
        rowsPerPage={perPage}
        rowsPerPageOptions={PER_PAGE_CHOICES}
        onPageChange={(_event, next) => setPage(next)}
        onRowsPerPageChange={(event) => {
          setPerPage(Number(event.target.value));
          setPage(0);
        }}
        labelRowsPerPage={t('perPage')}
      />
    </>
  );
}
