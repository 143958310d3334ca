import { useTranslate } from 'react-admin';
import type { Role } from '../auth/token-store';

export function RoleField({ role }: { role: Role }) {
  const translate = useTranslate();
  return <span>{translate(`tierwise.role.${role}`, { _: role })}</span>;
}
