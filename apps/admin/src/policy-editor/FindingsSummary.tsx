import { Alert, List, ListItem, Typography } from '@mui/material';
import type { Finding } from '@tierwise/policy';
import { useTranslate } from 'react-admin';

/** Every lint finding of the draft, at the top of the editor, each with the JSON pointer it concerns. */
export function FindingsSummary({ findings }: { findings: readonly Finding[] }) {
  const translate = useTranslate();
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  if (findings.length === 0)
    return (
      <Alert severity="success" sx={{ mb: 2 }} role="status">
        {translate('tierwise.policyEditor.lint.none')}
      </Alert>
    );
  return (
    <Alert severity={errors > 0 ? 'error' : 'warning'} sx={{ mb: 2 }} role="status">
      <Typography id="lint-findings-title" variant="subtitle1" component="h2">
        {translate('tierwise.policyEditor.lint.title')}:{' '}
        {[
          errors > 0 ? translate('tierwise.policyEditor.lint.errors', { smart_count: errors }) : '',
          warnings > 0 ? translate('tierwise.policyEditor.lint.warnings', { smart_count: warnings }) : '',
        ]
          .filter(Boolean)
          .join(', ')}
      </Typography>
      <List dense aria-labelledby="lint-findings-title" sx={{ maxHeight: 200, overflow: 'auto' }}>
        {findings.map((finding, i) => (
          <ListItem key={`${finding.path}-${i}`} sx={{ display: 'block' }}>
            {finding.severity === 'error' ? '✖' : '⚠'} {finding.message}{' '}
            <Typography component="span" variant="caption" color="text.secondary">
              ({translate('tierwise.policyEditor.lint.at', { path: finding.path || '/' })})
            </Typography>
          </ListItem>
        ))}
      </List>
    </Alert>
  );
}
