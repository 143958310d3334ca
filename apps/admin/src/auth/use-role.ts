import { usePermissions } from 'react-admin';
import type { Role } from './token-store';

/** The signed-in user's role (undefined while loading). */
export function useRole(): Role | undefined {
  const { permissions } = usePermissions<Role>();
  return permissions;
}
