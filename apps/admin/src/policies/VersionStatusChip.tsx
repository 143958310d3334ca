import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { PolicyVersionStatus } from './policy-types';

const COLORS = { draft: 'warning', published: 'success', superseded: 'default', discarded: 'default' } as const;

export function VersionStatusChip({ status }: { status: PolicyVersionStatus }) {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={COLORS[status]}
      variant={status === 'discarded' ? 'outlined' : 'filled'}
      label={translate(`tierwise.policies.status.${status}`)}
    />
  );
}
