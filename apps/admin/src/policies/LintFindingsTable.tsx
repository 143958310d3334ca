import { Card, CardContent, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Finding } from './policy-types';

/** The lint findings stored with a version: errors first, each located by its JSON pointer in the document. */
export function LintFindingsTable({ findings }: { findings: Finding[] }) {
  const translate = useTranslate();
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <Card component="section" aria-label={translate('tierwise.policies.lint.title')} sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate('tierwise.policies.lint.title')}
        </Typography>
        {sorted.length === 0 ? (
          <Typography color="text.secondary">{translate('tierwise.policies.lint.none')}</Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('tierwise.policies.lint.severity')}</TableCell>
                <TableCell>{translate('tierwise.policies.lint.pointer')}</TableCell>
                <TableCell>{translate('tierwise.policies.lint.message')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {sorted.map((finding, index) => (
                <TableRow key={`${finding.path}-${finding.code}-${index}`}>
                  <TableCell>
                    <Chip
                      size="small"
                      color={finding.severity === 'error' ? 'error' : 'warning'}
                      label={translate(`tierwise.policies.lint.${finding.severity}`)}
                    />
                  </TableCell>
                  <TableCell>
                    <code>{finding.path || '/'}</code>
                  </TableCell>
                  <TableCell>{finding.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
