import type { ReactNode } from 'react';
import { Loading, useTranslate } from 'react-admin';
import { Alert } from '@mui/material';
import { canManageUsers } from '../auth/capabilities';
import { useRole } from '../auth/use-role';

/** Pages that change users or keys: an auditor reaching one by its address is told it is not theirs. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const role = useRole();
  const translate = useTranslate();
  if (role === undefined) return <Loading />;
  if (!canManageUsers(role)) return <Alert severity="info">{translate('tierwise.users.adminOnly')}</Alert>;
  return <>{children}</>;
}
