import { Alert, Box, List, ListItem, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatValue } from './format-value';
import type { Decision, Finding } from './policy-types';
import type { DocumentLabels } from './use-document-labels';

/** A tested decision laid out for a person: tier, score and its breakdown, treatments, the agent's explanation. */
export function DecisionView({ decision, warnings, labels }: { decision: Decision; warnings: Finding[]; labels: DocumentLabels }) {
  const translate = useTranslate();
  const notGiven = translate('tierwise.policies.test.notGiven');
  const treatments = Object.entries(decision.treatments);
  return (
    <Box>
      <Typography variant="h6" component="p">
        {/* "Tier B" in an element of its own: what a person (and a test) looks for. */}
        <span>
          {decision.tier === null
            ? translate('tierwise.policies.test.noTier')
            : translate('tierwise.policies.test.tier', { tier: decision.tier })}
        </span>
        {decision.tier !== null && labels.tier(decision.tier) !== decision.tier && (
          <Typography component="span" color="text.secondary">
            {' '}
            ({labels.tier(decision.tier)})
          </Typography>
        )}
      </Typography>
      {decision.score !== null && <Typography>{translate('tierwise.policies.test.score', { score: decision.score })}</Typography>}

      {decision.breakdown.length > 0 && (
        <Table size="small" aria-label={translate('tierwise.policies.test.breakdown')} sx={{ my: 1 }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('tierwise.policies.test.criterion')}</TableCell>
              <TableCell align="right">{translate('tierwise.policies.test.points')}</TableCell>
              <TableCell>{translate('tierwise.policies.test.reason')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {decision.breakdown.map((line) => (
              <TableRow key={line.criterion}>
                <TableCell>{labels.criterion(line.criterion)}</TableCell>
                <TableCell align="right">
                  {line.points} / {line.max}
                </TableCell>
                <TableCell>{line.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      <Typography variant="subtitle2" component="h4" sx={{ mt: 1 }}>
        {translate('tierwise.policies.test.treatments')}
      </Typography>
      {treatments.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('tierwise.policies.test.noTreatments')}
        </Typography>
      ) : (
        <List dense disablePadding>
          {treatments.map(([type, params]) => (
            <ListItem key={type} disableGutters>
              <Typography variant="body2">
                <strong>{type}</strong>
                {Object.entries(params).length > 0 && ': '}
                {Object.entries(params)
                  .map(([name, value]) => `${name} ${formatValue(value, notGiven)}`)
                  .join(', ')}
              </Typography>
            </ListItem>
          ))}
        </List>
      )}

      {decision.explanation.length > 0 && (
        <>
          <Typography variant="subtitle2" component="h4" sx={{ mt: 1 }}>
            {translate('tierwise.policies.test.explanation')}
          </Typography>
          <List dense disablePadding>
            {decision.explanation.map((line, index) => (
              <ListItem key={index} disableGutters>
                <Typography variant="body2">{line}</Typography>
              </ListItem>
            ))}
          </List>
        </>
      )}

      {warnings.length > 0 && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {translate('tierwise.policies.test.lintWarnings', { smart_count: warnings.length })}
        </Alert>
      )}
    </Box>
  );
}
