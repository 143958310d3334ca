import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPEND_ONLY_TABLES, SERVING_ROLE } from '../serving-role.js';

// The role the api serves as (DATABASE_URL when MIGRATION_DATABASE_URL is set):
// a NOLOGIN group role that login roles join. Owning a table lets a role disable
// its triggers, and a superuser may SET session_replication_role = replica, so
// the append-only triggers hold against the application only if it serves as a
// role that is neither: plain DML on the mutable tables, SELECT and INSERT on the
// append-only ones, SELECT on the migrations table (the health check), sequences
// for the bigserial ids. LISTEN/NOTIFY and the trigger functions need nothing
// beyond what PUBLIC has.
//
// Roles are cluster-wide: the role is made only if absent (several databases on
// one server, tests migrating in parallel). Grants are per database, and default
// privileges cover tables and sequences that later migrations create as the
// same owner; a later append-only table must revoke UPDATE and DELETE itself.
//
// Embedded PGlite has one user, a superuser, and one process: it is not a
// security boundary, so there is nothing to grant there.
// Never edit once committed; add a new migration instead.
export class ServingRole1796300000000 implements MigrationInterface {
  name = 'ServingRole1796300000000';

  async up(db: QueryRunner): Promise<void> {
    if (await isEmbedded(db)) return;
    await db.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${SERVING_ROLE}') THEN
          BEGIN
            CREATE ROLE ${SERVING_ROLE} NOLOGIN;
          EXCEPTION
            -- Another database's migration made it meanwhile.
            WHEN duplicate_object OR unique_violation THEN NULL;
            WHEN insufficient_privilege THEN
              RAISE EXCEPTION 'role ${SERVING_ROLE} does not exist and % may not create roles', current_user
                USING HINT = 'run CREATE ROLE ${SERVING_ROLE} NOLOGIN as a superuser once, or give the migration role CREATEROLE';
          END;
        END IF;
      END
      $$`);
    const schema = await currentSchema(db);
    await db.query(`GRANT USAGE ON SCHEMA ${schema} TO ${SERVING_ROLE}`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${SERVING_ROLE}`);
    await db.query(`REVOKE INSERT, UPDATE, DELETE ON migrations FROM ${SERVING_ROLE}`);
    await db.query(`REVOKE UPDATE, DELETE ON ${APPEND_ONLY_TABLES.join(', ')} FROM ${SERVING_ROLE}`);
    await db.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${SERVING_ROLE}`);
    // Tables and sequences the owner creates in later migrations.
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${SERVING_ROLE}`);
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${SERVING_ROLE}`);
  }

  // The role itself stays: other databases on the server may still grant to it.
  async down(db: QueryRunner): Promise<void> {
    if (await isEmbedded(db)) return;
    const schema = await currentSchema(db);
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} REVOKE USAGE, SELECT ON SEQUENCES FROM ${SERVING_ROLE}`);
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${SERVING_ROLE}`);
    await db.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${schema} FROM ${SERVING_ROLE}`);
    await db.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${schema} FROM ${SERVING_ROLE}`);
    await db.query(`REVOKE USAGE ON SCHEMA ${schema} FROM ${SERVING_ROLE}`);
  }
}

async function isEmbedded(db: QueryRunner): Promise<boolean> {
  const rows = (await db.query(`SELECT version() LIKE '%PGlite%' AS embedded`)) as { embedded: boolean }[];
  return rows[0]!.embedded;
}

/** The schema the tables were created in, quoted for SQL. */
async function currentSchema(db: QueryRunner): Promise<string> {
  const rows = (await db.query(`SELECT quote_ident(current_schema()) AS schema`)) as { schema: string }[];
  return rows[0]!.schema;
}
