import {
  Alert,
  Box,
  Card,
  CardContent,
  CircularProgress,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { useGradingPolicy, usePolicyLabels } from '../policy-labels';
import { fetchRecentOverrides, fetchRecentPublications, fetchTiers, fetchValueMatrix } from './dashboard-api';

// ECharts is only fetched once the dashboard shows (not with the login page); both charts share one chunk.
const TierPyramids = lazy(() => import('./DashboardCharts').then((charts) => ({ default: charts.TierPyramids })));
const ValueMatrixChart = lazy(() => import('./DashboardCharts').then((charts) => ({ default: charts.ValueMatrixChart })));

/** The business users' home: tiers, the two pyramids, the value matrix, recent publications and overrides. Read-only. */
export function Dashboard() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const labels = usePolicyLabels();
  const factLabel = (name: string) => labels.factLabel(name);
  const tierLabel = (id: string) => labels.tierLabel(id);
  const tiers = useQuery({ queryKey: ['dashboard', 'tiers'], queryFn: fetchTiers });
  const matrix = useQuery({ queryKey: ['dashboard', 'value-matrix'], queryFn: fetchValueMatrix });
  // The publications of the policy that grades the customers.
  const gradingPolicyId = useGradingPolicy().data?.id;
  const publications = useQuery({
    queryKey: ['dashboard', 'publications', gradingPolicyId],
    queryFn: () => fetchRecentPublications(gradingPolicyId!),
    enabled: gradingPolicyId !== undefined,
  });
  const overrides = useQuery({ queryKey: ['dashboard', 'overrides'], queryFn: fetchRecentOverrides });
  const number = (value: number) => value.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en');
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en') : '');
  const t = (key: string, options?: Record<string, unknown>) => translate(`tierwise.dashboard.${key}`, options);

  const error = tiers.error ?? matrix.error;
  if (error) return <Alert severity="error">{t('failed', { message: error.message })}</Alert>;
  if (!tiers.data || !matrix.data) {
    return (
      <Box sx={{ p: 2 }} role="status">
        <CircularProgress size={20} /> {t('loading')}
      </Box>
    );
  }
  const summary = tiers.data;
  const grid = matrix.data;
  const valueFact = factLabel(summary.valueFact);
  const valueName = factLabel(grid.value.fact);
  const potentialName = factLabel(grid.potential.fact);
  const policy = summary.policy ? `${summary.policy.id} v${summary.policy.version}` : '-';

  return (
    <Box sx={{ display: 'grid', gap: 2, mt: 1 }}>
      <Title title="tierwise.dashboard.title" />
      <Section title={t('tiersTitle')}>
        <Table size="small" aria-label={t('tiersTitle')}>
          <caption>{t('tiersCaption', { fact: valueFact, policy })}</caption>
          <TableHead>
            <TableRow>
              <TableCell>{t('tier')}</TableCell>
              <TableCell align="right">{t('customers')}</TableCell>
              <TableCell align="right">{t('customerShare')}</TableCell>
              <TableCell align="right">{t('value', { fact: valueFact })}</TableCell>
              <TableCell align="right">{t('valueShare', { fact: valueFact })}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {summary.tiers.map((slice) => (
              <TableRow key={slice.tier}>
                <TableCell component="th" scope="row">
                  {slice.tier} {tierLabel(slice.tier)}
                </TableCell>
                <TableCell align="right">{number(slice.customers)}</TableCell>
                <TableCell align="right">{percent(slice.customerShare)}</TableCell>
                <TableCell align="right">{number(slice.value)}</TableCell>
                <TableCell align="right">{percent(slice.valueShare)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t('totals', {
            customers: number(summary.customers),
            graded: number(summary.graded),
            ungraded: number(summary.ungraded),
            untiered: number(summary.untiered),
          })}
        </Typography>
        <Suspense fallback={<Typography role="status">{t('chartsLoading')}</Typography>}>
          <TierPyramids
            tiers={summary}
            tierLabel={tierLabel}
            names={{ countPyramid: t('countPyramid'), valuePyramid: t('valuePyramid', { fact: valueFact }) }}
          />
        </Suspense>
      </Section>

      <Section title={t('matrixTitle')}>
        <Suspense fallback={<Typography role="status">{t('chartsLoading')}</Typography>}>
          <ValueMatrixChart
            matrix={grid}
            names={{
              matrix: t('matrixChart', { value: valueName, potential: potentialName }),
              valueAxis: valueName,
              potentialAxis: potentialName,
            }}
          />
        </Suspense>
        <Typography variant="body2" sx={{ my: 1 }}>
          {t('matrixSplits', {
            value: valueName,
            valueSplit: number(grid.value.split),
            valueRule: grid.value.splitRule,
            potential: potentialName,
            potentialSplit: number(grid.potential.split),
            potentialRule: grid.potential.splitRule,
          })}{' '}
          {t('matrixCounted', { customers: number(grid.customers), without: number(grid.withoutFacts) })}
        </Typography>
        <Table size="small" aria-label={t('matrixTitle')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('quadrant')}</TableCell>
              <TableCell align="right">{t('customers')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {grid.quadrants.map((quadrant) => (
              <TableRow key={quadrant.quadrant}>
                <TableCell component="th" scope="row">
                  {t(`quadrants.${quadrant.quadrant}`)}
                </TableCell>
                <TableCell align="right">{number(quadrant.customers)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        <Section title={t('publicationsTitle')}>
          <Table size="small" aria-label={t('publicationsTitle')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('version')}</TableCell>
                <TableCell>{t('status')}</TableCell>
                <TableCell>{t('publishedAt')}</TableCell>
                <TableCell>{t('publishedBy')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(publications.data ?? []).map((version) => (
                <TableRow key={version.version}>
                  <TableCell>
                    <Link href={`#/policies/${encodeURIComponent(version.policyId)}/versions/${version.version}`}>
                      {version.policyId} v{version.version}
                    </Link>
                  </TableCell>
                  <TableCell>{version.status}</TableCell>
                  <TableCell>{when(version.publishedAt)}</TableCell>
                  <TableCell>{version.publishedBy ?? ''}</TableCell>
                </TableRow>
              ))}
              {publications.data?.length === 0 && <EmptyRow columns={4} text={t('none')} />}
            </TableBody>
          </Table>
        </Section>
        <Section title={t('overridesTitle')}>
          <Table size="small" aria-label={t('overridesTitle')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('customer')}</TableCell>
                <TableCell>{t('change')}</TableCell>
                <TableCell>{t('actor')}</TableCell>
                <TableCell>{t('at')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(overrides.data ?? []).map((entry) => (
                <TableRow key={entry.id}>
                  <TableCell>
                    <Link href={`#/customers/${encodeURIComponent(entry.customerId)}/show`}>{entry.customerId}</Link>
                  </TableCell>
                  <TableCell>
                    {entry.previousTier ?? '-'} → {entry.newTier ?? '-'}
                  </TableCell>
                  <TableCell>{entry.actor}</TableCell>
                  <TableCell>{when(entry.at)}</TableCell>
                </TableRow>
              ))}
              {overrides.data?.length === 0 && <EmptyRow columns={4} text={t('none')} />}
            </TableBody>
          </Table>
        </Section>
      </Box>
    </Box>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card component="section" aria-label={title}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

function EmptyRow({ columns, text }: { columns: number; text: string }) {
  return (
    <TableRow>
      <TableCell colSpan={columns}>{text}</TableCell>
    </TableRow>
  );
}
