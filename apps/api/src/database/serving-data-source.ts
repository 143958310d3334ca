import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config.js';
import { ConfigError } from '../config/config.error.js';
import { dataSourceOptions } from './data-source-options.js';
import { checkServingRole } from './serving-role.js';

interface ServingContext {
  database: DatabaseConfig;
  logger: Logger;
}

/** TypeORM's options plus what openServingDataSource needs; the extra key is removed before TypeORM sees them. */
type ServingOptions = TypeOrmModuleOptions & { serving: ServingContext };

export function servingDataSourceOptions(database: DatabaseConfig, logger: Logger): ServingOptions {
  return {
    ...dataSourceOptions(database, logger),
    // A server may come up before its database (compose, k8s); a local PGlite failure will not heal.
    retryAttempts: database.kind === 'postgres' ? 10 : 1,
    retryDelay: 3000,
    // A role that may rewrite history will not lose that right by waiting.
    toRetry: (error: unknown) => !(error instanceof ConfigError),
    serving: { database, logger },
  };
}

/**
 * The api's connection (retried as a whole by @nestjs/typeorm). With
 * MIGRATION_DATABASE_URL set, migrations first run on a short-lived connection
 * as the tables' owner; then the api connects as DATABASE_URL and checks that
 * this role cannot rewrite the append-only tables (serving-role.ts).
 */
export async function openServingDataSource(options: DataSourceOptions | undefined): Promise<DataSource> {
  const { serving, ...typeorm } = options as DataSourceOptions & ServingOptions;
  const { database, logger } = serving;
  if (database.kind === 'postgres' && database.migrationUrl !== undefined) {
    await runMigrationsAsOwner(database.migrationUrl, logger);
  }
  const dataSource = await new DataSource(typeorm).initialize();
  if (database.kind !== 'postgres') return dataSource;
  try {
    await checkServingRole(dataSource, database.migrationUrl !== undefined, logger);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

async function runMigrationsAsOwner(migrationUrl: string, logger: Logger): Promise<void> {
  const owner = new DataSource(dataSourceOptions({ kind: 'postgres', url: migrationUrl }, logger, 'tierwise-api-migrations'));
  await owner.initialize(); // migrationsRun: true
  await owner.destroy();
}
