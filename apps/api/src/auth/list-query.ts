import { parseListQuery, textList, type ListQuery, type ListSort } from '../common/ra-list-query.js';
import { ROLES, type Role } from './role.js';

// The ra-data-simple-rest dialect for the users and API-key lists, read by the
// shared list parser: sort=["username","ASC"] range=[0,24] filter={"q":"al","role":"admin","id":["alice"]}.
// Both lists are short (people and systems, not customers), so one page may hold them all.

export interface AuthListFilter {
  q?: string;
  role?: Role[];
  /** react-admin's getMany: a user's id is its name, a key's id its uuid. */
  id?: string[];
}

export type AuthListQuery<F extends string> = ListQuery<F, AuthListFilter>;

export const MAX_AUTH_PAGE = 1000;
const DEFAULT_PAGE = 100;

export function parseAuthListQuery<F extends string>(
  query: Record<string, unknown>,
  what: string,
  sortFields: readonly F[],
  defaultSort: ListSort<F>,
): AuthListQuery<F> {
  return parseListQuery<F, AuthListFilter>(query, {
    what,
    sortFields,
    defaultSort,
    maxPage: MAX_AUTH_PAGE,
    defaultPage: DEFAULT_PAGE,
    filters: {
      q: (value) => (typeof value === 'string' ? { ok: true, value: value.trim() } : { ok: false, message: 'must be text' }),
      role: (value) => {
        const roles = Array.isArray(value) ? value : [value];
        return roles.every((role) => (ROLES as readonly unknown[]).includes(role))
          ? { ok: true, value: roles as Role[] }
          : { ok: false, message: `must be one of ${ROLES.join(', ')}, or a list of them` };
      },
      id: textList,
    },
  });
}
