import InsightsIcon from '@mui/icons-material/Insights';
import { Alert, Box, Button, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { canSimulatePolicies } from '../auth/capabilities';
import { useRole } from '../auth/use-role';
import { isRunFinished } from '../grading-runs';
import type { PolicyVersion } from './policy-types';
import { SimulationRunView } from './SimulationRunView';
import { useLatestSimulation, useSimulate } from './use-simulation';

/**
 * Impact simulation of a draft: authors and publishers run it over every stored customer (nothing is
 * written), and everyone who reads the draft sees its latest simulation: tiers before and after, who
 * moves where and what the change costs in fees and capacity.
 */
export function SimulationPanel({ version }: { version: PolicyVersion }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`tierwise.policies.simulation.${key}`);
  const role = useRole();
  const latest = useLatestSimulation(version.policyId, version.version);
  const simulate = useSimulate(version.policyId, version.version);
  const running = latest.data ? !isRunFinished(latest.data.status) : false;
  return (
    <Card component="section" aria-label={t('title')} sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2">
          {t('title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('explain')}
        </Typography>
        {canSimulatePolicies(role) && (
          <Box sx={{ mt: 1 }}>
            <Button
              variant="outlined"
              startIcon={<InsightsIcon />}
              disabled={simulate.isPending || running || version.lint.errors > 0}
              onClick={() => simulate.mutate()}
            >
              {t('simulate')}
            </Button>
            {version.lint.errors > 0 && (
              <Typography variant="caption" color="text.secondary" sx={{ ml: 2 }}>
                {t('lintErrors')}
              </Typography>
            )}
          </Box>
        )}
        {latest.isPending ? (
          <LinearProgress sx={{ mt: 2, maxWidth: 480 }} />
        ) : latest.error ? (
          <Alert severity="warning" sx={{ mt: 2 }}>
            {latest.error.message}
          </Alert>
        ) : latest.data === null ? (
          <Typography sx={{ mt: 2 }}>{t('none')}</Typography>
        ) : (
          <SimulationRunView run={latest.data} version={version} />
        )}
      </CardContent>
    </Card>
  );
}
