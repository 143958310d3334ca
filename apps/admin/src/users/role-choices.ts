import type { Role } from '../auth/token-store';

// The api's five roles (apps/api/src/auth/role.ts); their names are the shell's tierwise.role.* messages.
export const ROLES: readonly Role[] = ['admin', 'author', 'publisher', 'auditor', 'agent'];
export const roleChoices = ROLES.map((role) => ({ id: role, name: `tierwise.role.${role}` }));
