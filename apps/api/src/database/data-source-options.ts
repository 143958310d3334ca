import { mkdirSync } from 'node:fs';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import type { Logger } from 'pino';
import type { DataSourceOptions } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import type { DatabaseConfig } from '../config/app-config.js';
import { TypeOrmPinoLogger } from '../logging/typeorm-pino-logger.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

export const MIGRATIONS_TABLE = 'migrations';

/**
 * PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite persisted in
 * TIERWISE_DATA_DIR. Both run the same entities and the same migrations, at
 * boot; the schema is never synchronised from entities. With a separate
 * migration URL this connection only serves: migrations run as the owner first
 * (serving-data-source.ts), and the serving role may not create extensions.
 */
export function dataSourceOptions(database: DatabaseConfig, logger: Logger, applicationName = 'tierwise-api'): DataSourceOptions {
  const common = {
    type: 'postgres',
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsRun: true,
    synchronize: false,
    logger: new TypeOrmPinoLogger(logger),
    maxQueryExecutionTime: 1000,
  } as const;
  if (database.kind === 'postgres') {
    const servesOnly = database.migrationUrl !== undefined;
    return {
      ...common,
      url: database.url,
      applicationName,
      connectTimeoutMS: 10_000,
      migrationsRun: !servesOnly,
      installExtensions: !servesOnly,
    };
  }
  mkdirSync(database.dataDir, { recursive: true });
  return {
    ...common,
    // typeorm-pglite keeps one PGlite instance per process (a single session:
    // fine for the embedded single-process default). uuid_ossp is loaded so
    // TypeORM's CREATE EXTENSION can never fail on it; our ids do not need it.
    // pg_trgm indexes the customer list's search (migration 1796500000000).
    driver: new PGliteDriver({ dataDir: database.dataDir, extensions: { uuid_ossp, pg_trgm } }).driver,
  };
}
