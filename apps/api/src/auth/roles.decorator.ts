import { SetMetadata } from '@nestjs/common';
import type { Role } from './role.js';

export const ROLES_KEY = 'tierwise:roles';
export const PUBLIC_KEY = 'tierwise:public';

/** The roles allowed on a route or controller (admin is always allowed). Every route must declare roles or @Public. */
export const Roles = (...roles: readonly Role[]) => SetMetadata(ROLES_KEY, [...roles]);

/** A route anyone may call without credentials (health probes, login, the API document). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
