import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { ConfigError } from '../config/config.error.js';

/** The group role the migrations grant serving rights to; DATABASE_URL's user joins it. */
export const SERVING_ROLE = 'tierwise_app';

/**
 * The tables migration 1796300000000 made append-only for the serving role (it reads this list,
 * so it never changes: a later append-only table revokes the rights in its own migration).
 */
export const APPEND_ONLY_TABLES = ['tier_history', 'audit_events'] as const;
/** Every append-only table; the serving role may only read and add to them. */
export const ALL_APPEND_ONLY_TABLES = [...APPEND_ONLY_TABLES, 'decision_log'] as const;

interface ServingRights {
  role: string;
  superuser: boolean;
  /** Owns (or is a member of the owner of) an append-only table: may disable its triggers. */
  owner: boolean;
  /** Holds UPDATE, DELETE or TRUNCATE on an append-only table. */
  rewrites: boolean;
}

/**
 * What keeps the append-only tables append-only against the application itself.
 * With MIGRATION_DATABASE_URL set the operator asked for two roles, so serving
 * as one that can rewrite history is a configuration mistake: refuse to start.
 * With one URL for both the app necessarily owns the tables: say so, loudly.
 */
export async function checkServingRole(dataSource: DataSource, separateMigrationRole: boolean, logger: Logger): Promise<void> {
  const rights = await servingRights(dataSource);
  const reasons = [
    rights.superuser && 'is a superuser',
    rights.owner && `owns ${ALL_APPEND_ONLY_TABLES.join(' and ')}`,
    !rights.superuser && !rights.owner && rights.rewrites && `may update, delete or truncate ${ALL_APPEND_ONLY_TABLES.join(' or ')}`,
  ].filter((reason): reason is string => typeof reason === 'string');
  if (reasons.length === 0) return;
  const what = `the api serves as database role '${rights.role}', which ${reasons.join(' and ')}`;
  if (separateMigrationRole) {
    throw new ConfigError([
      `DATABASE_URL: ${what}, so tier history and the audit log could be rewritten; serve as a login role that is a member of ${SERVING_ROLE} (MIGRATION_DATABASE_URL is for the owner)`,
    ]);
  }
  logger.warn(
    `${what}: tier history and the audit log are append-only only as long as nobody disables their triggers. ` +
      `Set MIGRATION_DATABASE_URL to the owner and DATABASE_URL to a login role in ${SERVING_ROLE} (see the README, "Database roles").`,
  );
}

async function servingRights(dataSource: DataSource): Promise<ServingRights> {
  const [row] = await dataSource.query<ServingRights[]>(
    `SELECT current_user AS role,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            coalesce(bool_or(pg_has_role(current_user, c.relowner, 'MEMBER')), false) AS owner,
            coalesce(bool_or(has_table_privilege(c.oid, 'UPDATE, DELETE, TRUNCATE')), false) AS rewrites
       FROM pg_class c
      WHERE c.oid = ANY(ARRAY[${ALL_APPEND_ONLY_TABLES.map((table) => `to_regclass('${table}')`).join(', ')}])`,
  );
  return row!;
}
