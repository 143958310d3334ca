import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { pino } from 'pino';
import { DataSource } from 'typeorm';
import { createApp, type AppOptions } from '../../src/app.factory.js';
import type { AppConfig, DatabaseConfig, LogLevel } from '../../src/config/app-config.js';
import { findSeedPolicy } from '../../src/config/find-seed-policy.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  close(): Promise<void>;
}

// LOG_LEVEL=debug npm test shows the app's logs; silent by default.
const logLevel = (process.env['LOG_LEVEL'] as LogLevel | undefined) ?? 'silent';

export function testConfig(database: DatabaseConfig, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    corsOrigins: [],
    trustedProxies: [],
    logLevel,
    database,
    seedPolicyPath: findSeedPolicy()!,
    demoCustomers: 0,
    // A known first admin: no one-time password banner on every test boot.
    firstAdmin: { username: 'admin', password: 'test-admin-password' },
    ...overrides,
  };
}

/** The real application on a database of its own; `demoCustomers` defaults to none so specs own their rows. */
export async function startTestApp(overrides: Partial<AppConfig> = {}, db?: TestDatabase, options: AppOptions = {}): Promise<TestApp> {
  const database = db ?? (await createTestDatabase());
  const config = testConfig({ kind: 'postgres', url: database.url }, overrides);
  const app = await createApp(config, pino({ level: config.logLevel }), options);
  return {
    app,
    db: database,
    async close() {
      await app.close();
      if (!db) await database.drop();
    },
  };
}

/**
 * The real application on embedded PGlite in `dataDir` (the default when
 * DATABASE_URL is unset). `db.sql` runs through the app's own connection
 * (PGlite is a single session); the caller owns the folder and removes it.
 */
export async function startEmbeddedTestApp(dataDir: string, overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const config = testConfig({ kind: 'embedded', dataDir }, overrides);
  const app = await createApp(config, pino({ level: config.logLevel }));
  const dataSource = app.get(DataSource);
  return {
    app,
    db: {
      url: `pglite:${dataDir}`,
      sql: (text, params) => dataSource.query(text, params),
      drop: () => Promise.resolve(),
    },
    close: () => app.close(),
  };
}
