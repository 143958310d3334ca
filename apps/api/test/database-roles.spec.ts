import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.factory.js';
import { ConfigError } from '../src/config/config.error.js';
import { loadConfig } from '../src/config/load-config.js';
import { SERVING_ROLE } from '../src/database/serving-role.js';
import { authHeaders } from './support/auth.js';
import { customerFactory } from './support/customer.factory.js';
import { putCustomer } from './support/http.js';
import { draftOf, publish, seedDocument, storedDecision, withTierAThreshold } from './support/policies-helpers.js';
import { CLONE_PREFIX, databaseUrl, onServer } from './support/postgres.js';
import { testConfig, type TestApp } from './support/test-app.js';

// Migrations run as the tables' owner (MIGRATION_DATABASE_URL, not a superuser here),
// the api serves as a login role in tierwise_app (DATABASE_URL): that role must not be
// able to rewrite tier history or the audit log, by any route the database offers.
const suffix = randomBytes(4).toString('hex');
const DATABASE = `${CLONE_PREFIX}roles_${suffix}`;
// Roles are cluster-wide: unique per run, dropped at the end (or by global setup, once their run has died).
const OWNER = `${CLONE_PREFIX}owner_${suffix}`;
const SERVER = `${CLONE_PREFIX}server_${suffix}`;

function urlAs(role: string): string {
  const url = new URL(databaseUrl(DATABASE));
  url.username = role;
  url.password = '';
  return url.toString();
}

async function connectAs(role: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: urlAs(role) });
  await client.connect();
  return client;
}

describe('database roles: migrate as the owner, serve as tierwise_app', () => {
  let t: TestApp;
  let serving: pg.Client;

  beforeAll(async () => {
    await onServer(async (client) => {
      await client.query(`CREATE ROLE ${OWNER} LOGIN`);
      // tierwise_app exists: global setup's migrations made it (they run as a superuser).
      await client.query(`CREATE ROLE ${SERVER} LOGIN IN ROLE ${SERVING_ROLE}`);
      await client.query(`CREATE DATABASE ${DATABASE} OWNER ${OWNER}`);
    });
    // An empty database: the app migrates it as the owner, then serves as SERVER.
    const config = testConfig({ kind: 'postgres', url: urlAs(SERVER), migrationUrl: urlAs(OWNER) });
    const app = await createApp(config, pino({ level: config.logLevel }));
    serving = await connectAs(SERVER);
    t = {
      app,
      db: {
        url: urlAs(SERVER),
        sql: async <R extends pg.QueryResultRow>(text: string, params?: unknown[]) => (await serving.query<R>(text, params)).rows,
        drop: () => Promise.resolve(),
      },
      close: () => app.close(),
    };
  });

  afterAll(async () => {
    await serving?.end();
    await t?.close();
    await onServer(async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
      await client.query(`DROP ROLE IF EXISTS ${SERVER}`);
      await client.query(`DROP ROLE IF EXISTS ${OWNER}`);
    });
  });

  it('boots and serves as the serving role: a customer saved, its decision read, a policy published', async () => {
    const sessions = await t.db.sql<{ usename: string }>(
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'tierwise-api'`,
    );
    expect(sessions).toEqual([{ usename: SERVER }]);
    // Ready: the serving role reads the migrations table, and every migration has run.
    expect((await t.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);

    const admin = await authHeaders(t, 'admin');
    const customer = customerFactory({ tier: 'A', facts: { relationship: 10, strategicImportance: 8 } }); // 78 points
    expect((await putCustomer(t.app, customer, admin)).statusCode).toBe(201);
    expect(await storedDecision(t, customer.id)).toMatchObject({ tier: 'A', score: 78 });

    const draft = await draftOf(t, withTierAThreshold(await seedDocument(t), 80));
    expect((await publish(t, draft.version)).statusCode).toBe(200);
    expect(await storedDecision(t, customer.id)).toMatchObject({ tier: 'B', policy: { version: draft.version } });
    const history = await t.db.sql<{ new_tier: string; cause: string }>(
      'SELECT new_tier, cause FROM tier_history WHERE customer_id = $1 ORDER BY id',
      [customer.id],
    );
    expect(history.map((row) => `${row.cause}:${row.new_tier}`)).toEqual(['fact-change:A', 'policy-publish:B']);
  });

  it('leaves the tables to the owner, who is not a superuser', async () => {
    const owners = await t.db.sql<{ relname: string; owner: string }>(
      `SELECT relname, pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relname IN ('tier_history', 'audit_events') ORDER BY relname`,
    );
    expect(owners).toEqual([
      { relname: 'audit_events', owner: OWNER },
      { relname: 'tier_history', owner: OWNER },
    ]);
    const roles = await t.db.sql<{ rolname: string; rolsuper: boolean }>(
      'SELECT rolname, rolsuper FROM pg_roles WHERE rolname = ANY($1) ORDER BY rolname',
      [[OWNER, SERVER]],
    );
    expect(roles.every((role) => !role.rolsuper)).toBe(true);
  });

  describe.each(['tier_history', 'audit_events'])('%s, as the serving role', (table) => {
    // 42501 with the database's own words: refused by the grants, not by the append-only triggers
    // (which raise 42501 too, and which an owner could switch off first).
    const refused = (message: RegExp) => ({ code: '42501', message: expect.stringMatching(message) as unknown });

    it('can add a row and read it back', async () => {
      const before = await t.db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      expect(before[0]!.n).toBeGreaterThan(0);
      // A copy of an existing row: valid references, a new id.
      const columns = table === 'tier_history' ? TIER_HISTORY_COLUMNS : AUDIT_EVENT_COLUMNS;
      const [added] = await t.db.sql<{ id: string }>(
        `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM ${table} ORDER BY id LIMIT 1 RETURNING id`,
      );
      expect(await t.db.sql(`SELECT id FROM ${table} WHERE id = $1`, [added!.id])).toEqual([{ id: added!.id }]);
    });

    it('cannot update, delete or truncate it', async () => {
      await expect(serving.query(`UPDATE ${table} SET at = now()`)).rejects.toMatchObject(refused(/^permission denied for table/));
      await expect(serving.query(`DELETE FROM ${table}`)).rejects.toMatchObject(refused(/^permission denied for table/));
      await expect(serving.query(`TRUNCATE ${table}`)).rejects.toMatchObject(refused(/^permission denied for table/));
    });

    it('cannot disable its triggers, drop it, or switch triggers off for the session', async () => {
      const notOwner = refused(/^must be owner of table/);
      await expect(serving.query(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_append_only`)).rejects.toMatchObject(notOwner);
      await expect(serving.query(`ALTER TABLE ${table} DISABLE TRIGGER ALL`)).rejects.toMatchObject(notOwner);
      await expect(serving.query(`DROP TABLE ${table}`)).rejects.toMatchObject(notOwner);
      await expect(serving.query(`SET session_replication_role = replica`)).rejects.toMatchObject(
        refused(/^permission denied to set parameter "session_replication_role"/),
      );
      const triggers = await t.db.sql<{ tgenabled: string }>(
        `SELECT tgenabled FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal`,
        [table],
      );
      expect(triggers.map((trigger) => trigger.tgenabled)).toEqual(['O', 'O']);
    });
  });

  it('cannot mark a migration as run', async () => {
    await expect(serving.query(`DELETE FROM migrations`)).rejects.toMatchObject({ code: '42501' });
    await expect(serving.query(`INSERT INTO migrations (timestamp, name) VALUES (1, 'Fake1')`)).rejects.toMatchObject({ code: '42501' });
  });

  it('refuses to start when MIGRATION_DATABASE_URL is set and DATABASE_URL can rewrite history (the owner, a superuser)', async () => {
    for (const url of [urlAs(OWNER), databaseUrl(DATABASE)]) {
      const config = testConfig({ kind: 'postgres', url, migrationUrl: urlAs(OWNER) });
      await expect(createApp(config, pino({ level: 'silent' }))).rejects.toThrow(
        /DATABASE_URL: the api serves as database role '\w+', which (owns tier_history and audit_events|is a superuser)/,
      );
    }
  });
});

describe('MIGRATION_DATABASE_URL', () => {
  it('is the owner that migrates; DATABASE_URL is the role that serves', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://tierwise_api@db/tierwise',
      MIGRATION_DATABASE_URL: 'postgresql://tierwise@db/tierwise',
    });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgresql://tierwise_api@db/tierwise',
      migrationUrl: 'postgresql://tierwise@db/tierwise',
    });
  });

  it('needs DATABASE_URL (the embedded database has one user) and a postgres URL', () => {
    expect(() => loadConfig({ MIGRATION_DATABASE_URL: 'postgresql://tierwise@db/tierwise' })).toThrow(
      /MIGRATION_DATABASE_URL is set but DATABASE_URL is not/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'postgresql://a@db/t', MIGRATION_DATABASE_URL: 'mysql://root:pw@db/t' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'postgresql://a@db/t', MIGRATION_DATABASE_URL: 'mysql://root:pw@db/t' })).toThrow(
      "MIGRATION_DATABASE_URL must be a postgres:// or postgresql:// URL, not 'mysql://***@db/t'",
    );
  });
});

const TIER_HISTORY_COLUMNS = 'customer_id, previous_tier, new_tier, score, policy_id, policy_version, policy_hash, facts, cause, actor';
const AUDIT_EVENT_COLUMNS = 'actor, action, target, summary, request_id';
