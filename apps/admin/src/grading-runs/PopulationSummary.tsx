import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { PopulationFactSummary } from './grading-run';

/** The population facts a run computed before grading (rank, percentile, cumulative share): where the ABC cut fell from. */
export function PopulationSummary({ population }: { population: Record<string, PopulationFactSummary> }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const t = (key: string) => translate(`tierwise.gradingRuns.population.${key}`);
  const number = (value: number | null) => (value === null ? '—' : value.toLocaleString(locale, { maximumFractionDigits: 2 }));
  return (
    <Table size="small" aria-label={t('title')} sx={{ width: 'auto' }}>
      <TableHead>
        <TableRow>
          <TableCell>{t('fact')}</TableCell>
          <TableCell>{t('measure')}</TableCell>
          <TableCell>{t('of')}</TableCell>
          <TableCell>{t('order')}</TableCell>
          <TableCell align="right">{t('customers')}</TableCell>
          <TableCell align="right">{t('total')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {Object.entries(population).map(([name, fact]) => (
          <TableRow key={name}>
            <TableCell component="th" scope="row">
              {name}
            </TableCell>
            <TableCell>{fact.measure}</TableCell>
            <TableCell>{fact.of}</TableCell>
            <TableCell>{fact.order}</TableCell>
            <TableCell align="right">{number(fact.customers)}</TableCell>
            <TableCell align="right">{number(fact.total)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
