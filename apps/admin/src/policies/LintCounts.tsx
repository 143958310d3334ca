import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';

/** "2 errors, 1 warning" with the errors in red: a draft with errors cannot be tested or published. */
export function LintCounts({ lint }: { lint: { errors: number; warnings: number } }) {
  const translate = useTranslate();
  return (
    <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
      <Box component="span" sx={{ color: lint.errors > 0 ? 'error.main' : 'text.secondary' }}>
        {translate('tierwise.policies.lint.errors', { smart_count: lint.errors })}
      </Box>
      {', '}
      <Box component="span" sx={{ color: lint.warnings > 0 ? 'warning.main' : 'text.secondary' }}>
        {translate('tierwise.policies.lint.warnings', { smart_count: lint.warnings })}
      </Box>
    </Box>
  );
}
